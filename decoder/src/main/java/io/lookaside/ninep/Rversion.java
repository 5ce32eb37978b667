package io.lookaside.ninep;

/**
 * The server's msize (at most the client's) and version, or version "unknown" to refuse every
 * dialect offered (version(5)).
 *
 * <pre>
 * size[4] type[1] tag[2] msize[4] version[s]
 * </pre>
 */
public record Rversion(int tag, long msize, String version) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int MSIZE = 7;
    public static final int VERSION = 11;

    static Rversion read(Cursor c) {
        return new Rversion(c.tag(), c.u32(MSIZE), c.str(VERSION));
    }
}
