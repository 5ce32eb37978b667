package io.lookaside.ninep;

/**
 * The server's unique identity of a file (intro(5)): path is unique among the files of the
 * tree, version changes when the file does, type holds the QT* bits (the high byte of the DM
 * permission bits).
 *
 * <pre>
 * qid[13] = type[1] version[4] path[8]
 * </pre>
 */
public record Qid(int type, long version, long path) {
    public static final int LENGTH = 13;

    public static final int QTDIR = 0x80;
    public static final int QTAPPEND = 0x40;
    public static final int QTEXCL = 0x20;
    public static final int QTMOUNT = 0x10;
    public static final int QTAUTH = 0x08;
    public static final int QTTMP = 0x04;
    public static final int QTSYMLINK = 0x02;
    public static final int QTLINK = 0x01;
    public static final int QTFILE = 0x00;
}
