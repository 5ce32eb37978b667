package io.lookaside.ninep;

/**
 * Negotiates the protocol version and the largest message size, msize, and abandons every
 * outstanding request and fid of the connection (version(5)). It is sent with tag NOTAG.
 *
 * <pre>
 * size[4] type[1] tag[2] msize[4] version[s]
 * </pre>
 */
public record Tversion(int tag, long msize, String version) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int MSIZE = 7;
    public static final int VERSION = 11;

    static Tversion read(Cursor c) {
        return new Tversion(c.tag(), c.u32(MSIZE), c.str(VERSION));
    }
}
