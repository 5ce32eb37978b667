package io.lookaside.ninep;

/**
 * count bytes of data read (read(5)). For a directory in 9P2000 and 9P2000.u the data is whole
 * stat records; they are left undecoded here, since one message cannot tell a directory's
 * data from a file's.
 *
 * <pre>
 * size[4] type[1] tag[2] count[4] data[count]
 * </pre>
 *
 * <p>The data is not copied: dataOffset is where it starts, counted from the message's first
 * byte. count is exact even above 64 KiB.
 */
public record Rread(int tag, long count, int dataOffset) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int COUNT = 7;
    public static final int DATA = 11;

    static Rread read(Cursor c) {
        return new Rread(c.tag(), c.data(COUNT), DATA);
    }
}
