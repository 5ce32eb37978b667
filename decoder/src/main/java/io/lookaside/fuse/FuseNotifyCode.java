package io.lookaside.fuse;

/**
 * Notification codes ({@code enum fuse_notify_code} in linux/fuse.h). A notification is a
 * write to /dev/fuse with {@code unique == 0} whose {@code error} field holds one of these.
 */
public enum FuseNotifyCode {
    POLL(1), INVAL_INODE(2), INVAL_ENTRY(3), STORE(4), RETRIEVE(5), DELETE(6), RESEND(7),
    INC_EPOCH(8), PRUNE(9), UNKNOWN(-1);

    private final int code;

    FuseNotifyCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static FuseNotifyCode of(long code) {
        for (FuseNotifyCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return UNKNOWN;
    }

    /** The kernel's name, e.g. {@code NOTIFY_INVAL_INODE} (FUSE_NOTIFY_INVAL_INODE without the prefix). */
    public String wireName() {
        return "NOTIFY_" + name();
    }
}
