package io.lookaside.ninep;

import io.lookaside.wire.ProtocolMessage;

/** A decoded 9P message (placeholder: the full sealed hierarchy replaces this). */
public interface NinePMessage extends ProtocolMessage {
    int tag();

    @Override
    default String typeName() {
        return getClass().getSimpleName();
    }
}
