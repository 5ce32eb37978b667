package io.lookaside.ninep;

import java.util.List;

/**
 * A message of which the capture holds only the header: a trace event that names the type and
 * tag but not every field of the body (QEMU's v9fs_* trace: no walk names, no read data).
 * Nothing is invented: {@code size} is the size field as the source gave it ({@code synthetic}
 * when the source did not tell it, and it is then only the header's 7), and {@code missing}
 * says what is absent.
 */
public record HeaderOnly(int type, int tag, long size, boolean synthetic, List<String> missing)
        implements NinePMessage {
    @Override
    public String typeName() {
        return NinePTypes.name(type);
    }
}
