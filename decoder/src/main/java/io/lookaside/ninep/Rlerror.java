package io.lookaside.ninep;

/**
 * A 9P2000.L error: ecode is a Linux errno ({@link io.lookaside.wire.Errno}).
 *
 * <pre>
 * size[4] type[1] tag[2] ecode[4]
 * </pre>
 */
public record Rlerror(int tag, long ecode) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int ECODE = 7;

    static Rlerror read(Cursor c) {
        return new Rlerror(c.tag(), c.u32(ECODE));
    }
}
