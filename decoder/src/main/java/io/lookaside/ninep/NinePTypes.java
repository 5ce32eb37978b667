package io.lookaside.ninep;

/**
 * 9P message type numbers and their spec names: 9P2000 (intro(5)) from 100, 9P2000.L below
 * (Linux include/net/9p/9p.h). T messages are even, each R is its T + 1. The two ranges do not
 * overlap, so a type number means the same message in every dialect.
 */
public final class NinePTypes {
    // 9P2000 and 9P2000.u
    public static final int TVERSION = 100;
    public static final int RVERSION = 101;
    public static final int TAUTH = 102;
    public static final int RAUTH = 103;
    public static final int TATTACH = 104;
    public static final int RATTACH = 105;
    public static final int TERROR = 106;
    public static final int RERROR = 107;
    public static final int TFLUSH = 108;
    public static final int RFLUSH = 109;
    public static final int TWALK = 110;
    public static final int RWALK = 111;
    public static final int TOPEN = 112;
    public static final int ROPEN = 113;
    public static final int TCREATE = 114;
    public static final int RCREATE = 115;
    public static final int TREAD = 116;
    public static final int RREAD = 117;
    public static final int TWRITE = 118;
    public static final int RWRITE = 119;
    public static final int TCLUNK = 120;
    public static final int RCLUNK = 121;
    public static final int TREMOVE = 122;
    public static final int RREMOVE = 123;
    public static final int TSTAT = 124;
    public static final int RSTAT = 125;
    public static final int TWSTAT = 126;
    public static final int RWSTAT = 127;

    // 9P2000.L
    public static final int TLERROR = 6;
    public static final int RLERROR = 7;
    public static final int TSTATFS = 8;
    public static final int RSTATFS = 9;
    public static final int TLOPEN = 12;
    public static final int RLOPEN = 13;
    public static final int TLCREATE = 14;
    public static final int RLCREATE = 15;
    public static final int TSYMLINK = 16;
    public static final int RSYMLINK = 17;
    public static final int TMKNOD = 18;
    public static final int RMKNOD = 19;
    public static final int TRENAME = 20;
    public static final int RRENAME = 21;
    public static final int TREADLINK = 22;
    public static final int RREADLINK = 23;
    public static final int TGETATTR = 24;
    public static final int RGETATTR = 25;
    public static final int TSETATTR = 26;
    public static final int RSETATTR = 27;
    public static final int TXATTRWALK = 30;
    public static final int RXATTRWALK = 31;
    public static final int TXATTRCREATE = 32;
    public static final int RXATTRCREATE = 33;
    public static final int TREADDIR = 40;
    public static final int RREADDIR = 41;
    public static final int TFSYNC = 50;
    public static final int RFSYNC = 51;
    public static final int TLOCK = 52;
    public static final int RLOCK = 53;
    public static final int TGETLOCK = 54;
    public static final int RGETLOCK = 55;
    public static final int TLINK = 70;
    public static final int RLINK = 71;
    public static final int TMKDIR = 72;
    public static final int RMKDIR = 73;
    public static final int TRENAMEAT = 74;
    public static final int RRENAMEAT = 75;
    public static final int TUNLINKAT = 76;
    public static final int RUNLINKAT = 77;

    private static final String[] NAMES = new String[256];

    static {
        NAMES[TLERROR] = "Tlerror";
        NAMES[RLERROR] = "Rlerror";
        NAMES[TSTATFS] = "Tstatfs";
        NAMES[RSTATFS] = "Rstatfs";
        NAMES[TLOPEN] = "Tlopen";
        NAMES[RLOPEN] = "Rlopen";
        NAMES[TLCREATE] = "Tlcreate";
        NAMES[RLCREATE] = "Rlcreate";
        NAMES[TSYMLINK] = "Tsymlink";
        NAMES[RSYMLINK] = "Rsymlink";
        NAMES[TMKNOD] = "Tmknod";
        NAMES[RMKNOD] = "Rmknod";
        NAMES[TRENAME] = "Trename";
        NAMES[RRENAME] = "Rrename";
        NAMES[TREADLINK] = "Treadlink";
        NAMES[RREADLINK] = "Rreadlink";
        NAMES[TGETATTR] = "Tgetattr";
        NAMES[RGETATTR] = "Rgetattr";
        NAMES[TSETATTR] = "Tsetattr";
        NAMES[RSETATTR] = "Rsetattr";
        NAMES[TXATTRWALK] = "Txattrwalk";
        NAMES[RXATTRWALK] = "Rxattrwalk";
        NAMES[TXATTRCREATE] = "Txattrcreate";
        NAMES[RXATTRCREATE] = "Rxattrcreate";
        NAMES[TREADDIR] = "Treaddir";
        NAMES[RREADDIR] = "Rreaddir";
        NAMES[TFSYNC] = "Tfsync";
        NAMES[RFSYNC] = "Rfsync";
        NAMES[TLOCK] = "Tlock";
        NAMES[RLOCK] = "Rlock";
        NAMES[TGETLOCK] = "Tgetlock";
        NAMES[RGETLOCK] = "Rgetlock";
        NAMES[TLINK] = "Tlink";
        NAMES[RLINK] = "Rlink";
        NAMES[TMKDIR] = "Tmkdir";
        NAMES[RMKDIR] = "Rmkdir";
        NAMES[TRENAMEAT] = "Trenameat";
        NAMES[RRENAMEAT] = "Rrenameat";
        NAMES[TUNLINKAT] = "Tunlinkat";
        NAMES[RUNLINKAT] = "Runlinkat";
        NAMES[TVERSION] = "Tversion";
        NAMES[RVERSION] = "Rversion";
        NAMES[TAUTH] = "Tauth";
        NAMES[RAUTH] = "Rauth";
        NAMES[TATTACH] = "Tattach";
        NAMES[RATTACH] = "Rattach";
        NAMES[TERROR] = "Terror";
        NAMES[RERROR] = "Rerror";
        NAMES[TFLUSH] = "Tflush";
        NAMES[RFLUSH] = "Rflush";
        NAMES[TWALK] = "Twalk";
        NAMES[RWALK] = "Rwalk";
        NAMES[TOPEN] = "Topen";
        NAMES[ROPEN] = "Ropen";
        NAMES[TCREATE] = "Tcreate";
        NAMES[RCREATE] = "Rcreate";
        NAMES[TREAD] = "Tread";
        NAMES[RREAD] = "Rread";
        NAMES[TWRITE] = "Twrite";
        NAMES[RWRITE] = "Rwrite";
        NAMES[TCLUNK] = "Tclunk";
        NAMES[RCLUNK] = "Rclunk";
        NAMES[TREMOVE] = "Tremove";
        NAMES[RREMOVE] = "Rremove";
        NAMES[TSTAT] = "Tstat";
        NAMES[RSTAT] = "Rstat";
        NAMES[TWSTAT] = "Twstat";
        NAMES[RWSTAT] = "Rwstat";
    }

    private NinePTypes() {
    }

    /** The spec name of a type number ("Twalk", "Rlerror"); "type123" when no dialect has it. */
    public static String name(int type) {
        String name = type >= 0 && type < NAMES.length ? NAMES[type] : null;
        return name != null ? name : "type" + type;
    }

    /** True when a dialect names the type number (Terror and Tlerror too, never valid). */
    public static boolean known(int type) {
        return type >= 0 && type < NAMES.length && NAMES[type] != null;
    }

    /** T messages have even numbers, replies odd (intro(5)). */
    public static boolean isRequest(int type) {
        return (type & 1) == 0;
    }
}
