package io.lookaside.capture;

/** The file-system protocol a conversation carries. */
public enum Protocol {
    NINEP("9p"),
    FUSE("fuse");

    private final String key;

    Protocol(String key) {
        this.key = key;
    }

    /** The name used in JSON output and filters: {@code 9p} or {@code fuse}. */
    public String key() {
        return key;
    }
}
