package io.lookaside.ninep;

import io.lookaside.wire.Le;
import java.nio.ByteBuffer;

/** Placeholder decoder: the full decoder replaces this. */
public final class NinePDecoder {
    private NinePDecoder() {
    }

    public static NinePMessage decode(ByteBuffer msg, Dialect dialect) {
        int p = msg.position();
        return new Unknown(Le.u8(msg, p + 4), Le.u16(msg, p + 5), Le.u32(msg, p));
    }
}
