package io.lookaside.ninep;

/**
 * status of the lock request: SUCCESS 0, BLOCKED 1, ERROR 2, GRACE 3 (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2] status[1]
 * </pre>
 */
public record Rlock(int tag, int status) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int STATUS = 7;

    static Rlock read(Cursor c) {
        return new Rlock(c.tag(), c.u8(STATUS));
    }
}
