package io.lookaside.ninep;

/**
 * The 9P dialect of a connection, chosen by the Tversion/Rversion exchange (version(5)).
 * The same type number means different things only in the .u additions, so every message
 * is decoded with its connection's dialect.
 */
public enum Dialect {
    P9P2000("9P2000"),
    P9P2000_U("9P2000.u"),
    P9P2000_L("9P2000.L");

    private final String version;

    Dialect(String version) {
        this.version = version;
    }

    /** The version string as sent on the wire. */
    public String version() {
        return version;
    }

    /**
     * True when the 9P2000.u additions are on the wire: n_uname in Tauth/Tattach, errno in
     * Rerror, extension in Tcreate, the stat tail. The Linux client writes them in 9P2000.L too
     * (the {@code ?} of its p9pdu formats means ".u or .L"), so 9P2000.L has them as well.
     */
    public boolean unixExtensions() {
        return this != P9P2000;
    }

    /**
     * The dialect a version string asks for, or null when it names none of ours ("unknown"
     * is the server's refusal). Servers may append ".suffix" parts; only the prefix counts.
     */
    public static Dialect fromVersion(String v) {
        if (v == null) {
            return null;
        }
        if (v.startsWith("9P2000.L")) {
            return P9P2000_L;
        }
        if (v.startsWith("9P2000.u")) {
            return P9P2000_U;
        }
        if (v.startsWith("9P2000")) {
            return P9P2000;
        }
        return null;
    }
}
