package io.lookaside.lifecycle;

import io.lookaside.session.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * The lifetimes of a session's handles and the paths they name: every 9P fid from the reply
 * that bound it to the message that ended it (or the end of the capture), how it was opened,
 * its path at every moment, and every lookup result ({@link Dentries}). Built in one pass over
 * the session ({@link #of(Session)}), linear in messages; immutable afterwards.
 */
public final class Lifecycles {
    /** What the 9P pass produced; per-message columns are indexed like the session. */
    record NineP(PathTable paths, List<FidLifetime> fids, Dentries dentries, int[] msgLife, int[] msgPath,
                 int[] msgCreated) {
    }

    private final NineP ninep;

    private Lifecycles(NineP ninep) {
        this.ninep = ninep;
    }

    public static Lifecycles of(Session session) {
        return new Lifecycles(new FidTracker(session).run());
    }

    /**
     * The path message {@code i} concerns, relative to the attach root ({@code usr/include/stdio.h},
     * the root itself {@code /}): its fid's path at that moment, or for a request that names an
     * entry (Twalk, Tlcreate, Tunlinkat, Trenameat, ...) the directory's path plus the name, so
     * that a lookup that created no fid is still attributed to what it looked up. A reply has
     * its request's path. Null when unknown (another protocol, a reply without its request).
     */
    public String path(int i) {
        return ninep.paths().text(ninep.msgPath()[i]);
    }

    /** Every 9P fid lifetime, in the order they began. */
    public List<FidLifetime> fids() {
        return ninep.fids();
    }

    /** The lifetime of the fid message {@code i} acts on (for a reply: its request's), or null. */
    public FidLifetime fid(int i) {
        int l = ninep.msgLife()[i];
        return l < 0 ? null : ninep.fids().get(l);
    }

    /**
     * The lifetime the exchange of message {@code i} created (the newfid of a complete walk or of
     * Rxattrwalk, the fid of Rattach/Rauth, the file of Rlcreate/Rcreate), or null.
     */
    public FidLifetime created(int i) {
        int l = ninep.msgCreated()[i];
        return l < 0 ? null : ninep.fids().get(l);
    }

    /** Fids still bound when the capture ended (leaks, or a capture that stopped early). */
    public List<FidLifetime> openAtEnd() {
        List<FidLifetime> out = new ArrayList<>();
        for (FidLifetime l : ninep.fids()) {
            if (l.openAtEnd()) {
                out.add(l);
            }
        }
        return out;
    }

    /** Every 9P lookup result, keyed as a dentry cache keys them. */
    public Dentries dentries() {
        return ninep.dentries();
    }
}
