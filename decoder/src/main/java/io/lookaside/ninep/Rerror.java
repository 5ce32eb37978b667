package io.lookaside.ninep;

/**
 * An error reply of 9P2000 and 9P2000.u (error(5)): ename is the error text, and 9P2000.u adds
 * errno, its Unix number. 9P2000.L servers answer with Rlerror instead.
 *
 * <pre>
 * size[4] type[1] tag[2] ename[s]
 * 9P2000.u and 9P2000.L add: errno[4]
 * NFS-Ganesha in 9P2000.L: size[4] type[1] tag[2] ecode[4]
 * </pre>
 *
 * <p>Quirk: NFS-Ganesha (4.3, samples/a-v9fs-busybox-cacheloose-ganesha) sends its 9P2000.L
 * errors as type 107 with the 4-byte body of Rlerror, a Linux errno; the Linux client takes it,
 * since in .L it reads every error reply as {@code ecode[4]} (net/9p/client.c,
 * p9_check_errors). In 9P2000.L a 107 whose body is exactly 4 bytes is therefore decoded with
 * {@code ecode} set and {@code ename}, {@code errno} null; a proper ename[s] errno[4] body takes
 * at least 6 bytes, so the two cannot be confused. Its type name stays "Rerror", as Wireshark
 * shows it. Otherwise {@code ecode} is null, and {@code errno} is null in plain 9P2000.
 */
public record Rerror(int tag, String ename, Long errno, Long ecode) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int ENAME = 7;
    /** Where NFS-Ganesha puts its Rlerror-style ecode. */
    public static final int ECODE = 7;

    static Rerror read(Cursor c) {
        if (c.dialect() == Dialect.P9P2000_L && c.length() == ECODE + 4) {
            return new Rerror(c.tag(), null, null, c.u32(ECODE));
        }
        return new Rerror(c.tag(), c.str(ENAME), c.unix() ? c.u32() : null, null);
    }
}
