package io.lookaside.session;

/** What a message is within its exchange. */
public enum Direction {
    /** A 9P T-message or a FUSE request (kernel to daemon). */
    REQUEST("request"),
    /** A 9P R-message or a FUSE reply. */
    REPLY("reply"),
    /** A FUSE notification (daemon to kernel, unique 0): its own message, no exchange. */
    NOTIFY("notify");

    private final String key;

    Direction(String key) {
        this.key = key;
    }

    /** The name used in JSON ({@code dir}) and filters. */
    public String key() {
        return key;
    }
}
