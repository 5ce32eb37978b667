package io.lookaside.whatif;

import io.lookaside.fuse.FuseNotify;
import io.lookaside.fuse.FuseOpcode;
import io.lookaside.fuse.FuseReply;
import io.lookaside.fuse.FuseRequest;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A storm of failing lookups in one directory (a compiler searching its include path, a
 * loader its library path) answered from one listing: once a directory has seen {@link #K}
 * misses within {@link #STORM_NANOS}, a client that listed it once (READDIR(PLUS), or a
 * daemon-side complete-directory cache) could answer the remaining misses itself.
 */
final class FuseLookupStormListing extends FuseModel {
    /** Misses in one directory that make a storm. */
    static final int K = 8;
    /** Within this long (1 s). */
    static final long STORM_NANOS = 1_000_000_000L;
    private static final FuseOps OPS = FuseOps.NAMESPACE.with(FuseOpcode.READDIRPLUS, FuseOpcode.READDIR);

    private record Listing(long expires, int generation, int epoch) {
    }

    @Override
    public String id() {
        return "fuse-lookup-storm-listing";
    }

    @Override
    public String title() {
        return "Negative-lookup storm answered from a listing";
    }

    @Override
    public String assumptions() {
        return "When LOOKUPs in one directory fail (-ENOENT or nodeid 0) " + K + " times within 1 s, the client lists "
                + "the directory once at the " + K + "th miss and answers every later LOOKUP there that fails from the "
                + "listing, for the window: one round trip per such miss. The listing is dropped when the directory "
                + "changes (a creation, removal or rename in it, NOTIFY_INVAL_ENTRY or NOTIFY_DELETE under it, "
                + "NOTIFY_INVAL_INODE of it, NOTIFY_INC_EPOCH) or is forgotten; a new storm needs " + K + " new misses. "
                + "Lookups that succeed are left alone, and nothing is counted stale: a name created behind this "
                + "client's back would only show in a listing the capture does not have. The cost is not in the "
                + "outcome: one READDIR(PLUS) per storm (more for directories larger than one reply); the remarks "
                + "count them.";
    }

    @Override
    void run(Session s, long window, Marks marks) {
        walk(s, window, marks);
    }

    /** Runs the model and returns the number of listings it made. */
    private static int walk(Session s, long window, Marks marks) {
        FuseNodes nodes = new FuseNodes();
        Map<FuseTrace.Node, ArrayDeque<Long>> misses = new HashMap<>();
        Map<FuseTrace.Node, Listing> listings = new HashMap<>();
        int made = 0;
        for (int i = 0; i < s.size(); i++) {
            if (!FuseTrace.isFuse(s, i)) {
                continue;
            }
            int conn = s.conn(i);
            Direction d = s.direction(i);
            if (d == Direction.NOTIFY) {
                var n = FuseTrace.notify(s, i);
                nodes.observe(conn, n);
                DentryChanges.forEachName(conn, n, name -> listings.remove(new FuseTrace.Node(conn, name.parent())));
                if (n instanceof FuseNotify.InvalInode inval) {
                    listings.remove(new FuseTrace.Node(conn, inval.ino()));
                }
                continue;
            }
            if (!OPS.has(s.typeCode(i))) {
                continue;
            }
            if (d == Direction.REQUEST) {
                FuseRequest r = FuseTrace.request(s, i);
                nodes.observe(conn, r);
                DentryChanges.forEachName(conn, r, name -> listings.remove(new FuseTrace.Node(conn, name.parent())));
                if (r instanceof FuseRequest.Lookup) {
                    var dir = new FuseTrace.Node(conn, r.header().nodeid());
                    Listing l = listings.get(dir);
                    if (l != null && s.tsNanos(i) <= l.expires() && l.generation() == nodes.generation(conn,
                            dir.nodeid()) && l.epoch() == nodes.epoch(conn)) {
                        FuseReply real = FuseTrace.replyTo(s, i);
                        if (real != null && FuseTrace.negative(real)) {
                            marks.judge(i, Marks.Verdict.SAME);
                        }
                    }
                }
                continue;
            }
            int req = s.peer(i);
            if (req < 0 || marks.isHit(req)) {
                continue;
            }
            FuseRequest r = FuseTrace.request(s, req);
            DentryChanges.forEachName(conn, r, name -> listings.remove(new FuseTrace.Node(conn, name.parent())));
            FuseReply a = FuseTrace.reply(s, i);
            if (r instanceof FuseRequest.Lookup && a != null && FuseTrace.negative(a)) {
                var dir = new FuseTrace.Node(conn, r.header().nodeid());
                long now = s.tsNanos(i);
                ArrayDeque<Long> recent = misses.computeIfAbsent(dir, k -> new ArrayDeque<>());
                recent.addLast(now);
                while (now - recent.peekFirst() > STORM_NANOS) {
                    recent.removeFirst();
                }
                Listing l = listings.get(dir);
                boolean current = l != null && now <= l.expires()
                        && l.generation() == nodes.generation(conn, dir.nodeid()) && l.epoch() == nodes.epoch(conn);
                if (recent.size() >= K && !current) {
                    long expires = FuseTrace.expiry(now, window, 0);
                    if (expires != FuseTrace.NEVER) {
                        listings.put(dir, new Listing(expires, nodes.generation(conn, dir.nodeid()),
                                nodes.epoch(conn)));
                        made++;
                    }
                    recent.clear();
                }
            }
        }
        return made;
    }

    @Override
    List<String> notes(Session s) {
        int listings = walk(s, Windows.INFINITE, new Marks(s));
        return List.of("Cost: at the infinite window the change adds " + listings + " directory listing"
                + (listings == 1 ? "" : "s") + " (one READDIR(PLUS) round trip each, at least), not deducted from the "
                + "saved round trips.");
    }
}
