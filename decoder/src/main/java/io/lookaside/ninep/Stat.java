package io.lookaside.ninep;

/**
 * The machine-independent directory entry of 9P2000 and 9P2000.u (stat(5)), as carried by
 * Rstat and Twstat (and, undecoded, by Rread of a directory). In Twstat, ~0 and empty strings
 * mean "don't change".
 *
 * <pre>
 * size[2] type[2] dev[4] qid[13] mode[4] atime[4] mtime[4] length[8] name[s] uid[s] gid[s] muid[s]
 * 9P2000.u and 9P2000.L add: extension[s] n_uid[4] n_gid[4] n_muid[4]
 * </pre>
 *
 * <p>size counts the bytes that follow it. The .u tail is null in plain 9P2000.
 */
public record Stat(int size, int type, long dev, Qid qid, long mode, long atime, long mtime,
        long length, String name, String uid, String gid, String muid, String extension,
        Long n_uid, Long n_gid, Long n_muid) {

    /**
     * n[2] stat[n], the form in Rstat and Twstat: two length fields, which must agree (the
     * stat's own size counts 2 bytes fewer).
     */
    static Stat readCounted(Cursor c, int at) {
        int n = c.u16(at);
        Stat stat = read(c, at + 2);
        if (stat.size() + 2 != n) {
            throw c.fail("n " + n + " disagrees with the stat's size " + stat.size() + " + 2", at);
        }
        return stat;
    }

    static Stat read(Cursor c, int at) {
        int size = c.u16(at);
        int end = at + 2 + size;
        if (end > c.length()) {
            throw c.fail("stat size " + size + " runs past the end of the message", at);
        }
        boolean u = c.unix();
        Stat stat = new Stat(size, c.u16(), c.u32(), c.qid(), c.u32(), c.u32(), c.u32(), c.u64(),
                c.str(), c.str(), c.str(), c.str(), u ? c.str() : null, u ? c.u32() : null,
                u ? c.u32() : null, u ? c.u32() : null);
        if (c.next() != end) {
            throw c.fail("stat fields end at offset " + c.next() + " but its size says " + end, at);
        }
        return stat;
    }
}
