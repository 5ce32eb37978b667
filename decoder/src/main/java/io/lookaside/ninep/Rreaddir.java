package io.lookaside.ninep;

import java.util.List;

/**
 * count bytes of directory entries (9P2000.L); a reply with no entries is the end of the
 * directory.
 *
 * <pre>
 * size[4] type[1] tag[2] count[4] data[count]
 * data = n*(qid[13] offset[8] type[1] name[s])
 * </pre>
 */
public record Rreaddir(int tag, long count, List<Dirent> entries) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int COUNT = 7;
    public static final int DATA = 11;

    public Rreaddir {
        entries = List.copyOf(entries);
    }

    static Rreaddir read(Cursor c) {
        long count = c.data(COUNT);
        return new Rreaddir(c.tag(), count, Dirent.readAll(c, DATA, count));
    }
}
