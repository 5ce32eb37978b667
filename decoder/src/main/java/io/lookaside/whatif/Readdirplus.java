package io.lookaside.whatif;

import io.lookaside.fuse.Dirent;
import io.lookaside.fuse.FuseOpcode;
import io.lookaside.fuse.FuseReply;
import io.lookaside.fuse.FuseRequest;
import io.lookaside.session.Session;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * READDIRPLUS (FUSE_DO_READDIRPLUS, 7.21): each listed name comes with its fuse_entry_out, so
 * the kernel instantiates the dentries while listing (fs/fuse/readdir.c fuse_direntplus_link())
 * and the LOOKUP that follows a plain READDIR for each name a program then stats (ls -l) is
 * never sent.
 */
final class Readdirplus extends FuseModel {
    private static final FuseOps OPS = FuseOps.NAMESPACE.with(FuseOpcode.READDIR);
    /** sizeof(fuse_direntplus) − sizeof(fuse_dirent): the entry_out each name would carry. */
    static final int EXTRA_BYTES_PER_NAME = 128;

    private record Listed(long expires, int dirGeneration, int epoch) {
    }

    @Override
    public String id() {
        return "readdirplus";
    }

    @Override
    public String title() {
        return "READDIRPLUS instead of READDIR + LOOKUP";
    }

    @Override
    public String assumptions() {
        return "Each name a plain READDIR returned (not '.' or '..') would have come with its entry; the first LOOKUP "
                + "of that directory and name after the listing, within the window (the entry_valid the daemon would "
                + "give the READDIRPLUS entries), is not sent: one round trip per name. Later LOOKUPs of the name are "
                + "revalidations, left to the entry timeout. A listed name is forgotten when this client removes, "
                + "renames or creates it, on NOTIFY_INVAL_ENTRY, NOTIFY_DELETE, NOTIFY_INC_EPOCH, and when the kernel "
                + "forgets the directory. A LOOKUP that found no such name after all is a stale hit. The cost is not "
                + "in the outcome: every listed name makes the reply 128 bytes longer (fuse_direntplus instead of "
                + "fuse_dirent) and gives the kernel a lookup reference, so names never looked up later come back as "
                + "FORGET traffic; the remarks give both for this capture. Only READDIRs are considered: where the "
                + "kernel already sent READDIRPLUS there is nothing to save.";
    }

    @Override
    void run(Session s, long window, Marks marks) {
        walk(s, window, marks, new long[2]);
    }

    /** Runs the model; {@code tally} receives the names listed and those of them looked up within the window. */
    private static void walk(Session s, long window, Marks marks, long[] tally) {
        FuseNodes nodes = new FuseNodes();
        Map<FuseTrace.Name, Listed> listed = new HashMap<>();
        FuseNameWalk.walk(s, OPS, nodes, listed, (i, conn, r) -> {
            if (r instanceof FuseRequest.Lookup l) {
                var key = new FuseTrace.Name(conn, l.header().nodeid(), l.name());
                Listed c = listed.remove(key);
                if (c != null && s.tsNanos(i) <= c.expires()
                        && c.dirGeneration() == nodes.generation(conn, key.parent())
                        && c.epoch() == nodes.epoch(conn)) {
                    tally[1]++;
                    FuseReply real = FuseTrace.replyTo(s, i);
                    marks.judge(i, FuseTrace.positive(real) ? Marks.Verdict.SAME
                            : real != null && FuseTrace.negative(real) ? Marks.Verdict.DIFFERENT
                            : Marks.Verdict.UNKNOWN);
                }
            }
        }, (i, conn, req, r) -> {
            if (r instanceof FuseRequest.Readdir && FuseTrace.reply(s, i) instanceof FuseReply.Readdir list) {
                long expires = FuseTrace.expiry(s.tsNanos(i), window, 0);
                for (Dirent e : list.entries()) {
                    if (".".equals(e.name()) || "..".equals(e.name())) {
                        continue;
                    }
                    tally[0]++;
                    if (expires != FuseTrace.NEVER) {
                        listed.put(new FuseTrace.Name(conn, r.header().nodeid(), e.name()), new Listed(expires,
                                nodes.generation(conn, r.header().nodeid()), nodes.epoch(conn)));
                    }
                }
            }
        });
    }

    @Override
    List<String> notes(Session s) {
        long[] tally = new long[2];
        walk(s, Windows.INFINITE, new Marks(s), tally);
        if (tally[0] == 0) {
            return List.of("No plain READDIR listed any name: nothing for READDIRPLUS to save.");
        }
        return List.of("Cost: READDIR replies listed " + tally[0] + " names; as READDIRPLUS they would have been "
                + tally[0] * EXTRA_BYTES_PER_NAME + " bytes longer (" + EXTRA_BYTES_PER_NAME + " per name), and the "
                + (tally[0] - tally[1]) + " names never looked up afterwards would each have taken a lookup "
                + "reference for the kernel to FORGET later.");
    }
}
