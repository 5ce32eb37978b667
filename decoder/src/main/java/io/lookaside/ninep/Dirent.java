package io.lookaside.ninep;

import java.util.ArrayList;
import java.util.List;

/**
 * One directory entry of Rreaddir (9P2000.L): offset is the cookie to resume reading after
 * this entry, type the dirent type (DT_DIR 4, DT_REG 8, DT_LNK 10, ...).
 *
 * <pre>
 * qid[13] offset[8] type[1] name[s]
 * </pre>
 */
public record Dirent(Qid qid, long offset, int type, String name) {
    /** The smallest entry: an empty name. */
    public static final int MIN_LENGTH = Qid.LENGTH + 8 + 1 + 2;

    /** The entries of count bytes of data at offset at, which must hold whole entries only. */
    static List<Dirent> readAll(Cursor c, int at, long count) {
        int end = at + (int) count;
        List<Dirent> entries = new ArrayList<>((int) Math.min(count / MIN_LENGTH, 1024));
        int entry = at;
        while (entry < end) {
            entries.add(new Dirent(c.qid(entry), c.u64(), c.u8(), c.str()));
            if (c.next() > end) {
                throw c.fail("directory entry at offset " + entry + " runs past the end of the "
                        + count + " bytes of data", entry);
            }
            entry = c.next();
        }
        return entries;
    }
}
