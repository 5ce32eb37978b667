package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.FidLifetime;
import io.lookaside.lifecycle.FidOrigin;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.ninep.Rlopen;
import io.lookaside.ninep.Rversion;
import io.lookaside.ninep.Tlopen;
import io.lookaside.ninep.Twrite;
import io.lookaside.session.Session;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The messages Linux 6.1 v9fs cache=loose sends on the write side that cache=none never does
 * (docs/validation.md traces each to the source):
 * <ul>
 * <li>every buffered write(2) looks up {@code security.capability} (generic_file_write_iter →
 *     file_remove_privs → cap_inode_need_killpriv): Txattrwalk → Rlerror ENODATA. v9fs sets no
 *     SB_NOSEC, so the inode is never marked as having no privileges to remove, and every write
 *     asks again; cache=none writes go straight to p9_client_write. A write(2) larger than one
 *     Twrite is several Twrites in the cache=none capture, each msize − 24 bytes (or the iounit)
 *     but the last: one probe for all of them;</li>
 * <li>the writeback fid: the first open for writing of a file (and every create) clones a fid and
 *     opens it O_RDWR for writeback (v9fs_file_open / v9fs_vfs_atomic_open_dotl →
 *     v9fs_writeback_fid: Twalk with no names + Tlopen), clunked when the inode is evicted
 *     (v9fs_evict_inode): by unlink, or at umount.</li>
 * </ul>
 * The Tfsync sent after writing an inode back is the {@code writeback} model's (it knows when the
 * flusher writes). This model removes nothing: it adds messages, so it saves no time.
 */
final class LooseWriteEffects implements WhatIfModel {
    /** The Linux open(2) access mode bits that 9P2000.L's Tlopen/Tlcreate flags carry. */
    private static final long O_ACCMODE = 3;

    @Override
    public String id() {
        return "loose-write-effects";
    }

    @Override
    public String title() {
        return "cache=loose write side effects (added messages)";
    }

    @Override
    public String assumptions() {
        return "What v9fs cache=loose (Linux 6.1) sends on writes that cache=none does not: one Txattrwalk of "
                + "security.capability (answered ENODATA) per buffered write(2) (file_remove_privs; a write(2) the "
                + "cache=none capture split into Twrites of msize − 24 bytes counts once), and for each file "
                + "created or first opened for writing a writeback fid: Twalk, Tlopen O_RDWR, and its Tclunk when "
                + "the inode is evicted (unlink or umount, assumed within the capture). It adds messages and "
                + "removes none, so it saves nothing; profiles count what it adds.";
    }

    @Override
    public Set<Protocol> protocols() {
        return Set.of(Protocol.NINEP);
    }

    @Override
    public boolean windowed() {
        return false;
    }

    @Override
    public Outcome simulate(Session s, Lifecycles l, long windowNanos) {
        Marks marks = new Marks(s);
        FileIds files = new FileIds(s, l);
        Map<Integer, Long> msizes = new HashMap<>();
        Map<Integer, Long> iounits = new HashMap<>();
        /** Per fid (its index): where its last Twrite ended, and whether it was a full chunk. */
        Map<Integer, long[]> lastWrite = new HashMap<>();
        Set<Integer> withWritebackFid = new HashSet<>();
        long probes = 0;
        long writebackFids = 0;
        for (int nth = 0; nth < l.ninePReplies(); nth++) {
            int rep = l.ninePReply(nth);
            if (!NinePExchanges.succeeded(s, rep)) {
                continue;
            }
            int req = s.peer(rep);
            int type = s.typeCode(req);
            int conn = s.conn(req);
            if (type == NinePTypes.TVERSION) {
                if (NinePExchanges.decode(s, rep) instanceof Rversion v) {
                    msizes.put(conn, v.msize());
                }
                continue;
            }
            if (type == NinePTypes.TLCREATE) {
                FidLifetime made = l.created(req);
                if (made != null) {
                    withWritebackFid.add(files.of(conn, made, rep));
                    writebackFids++;
                }
                continue;
            }
            if (type == NinePTypes.TUNLINKAT || type == NinePTypes.TREMOVE) {
                OptionalLong gone = l.entryQid(req);
                if (gone.isPresent()) {
                    withWritebackFid.remove(files.byQid(conn, gone.getAsLong()));
                }
                continue;
            }
            FidLifetime f = l.fid(req);
            if (f == null || f.origin() == FidOrigin.XATTRWALK || f.origin() == FidOrigin.AUTH) {
                continue;
            }
            if (type == NinePTypes.TLOPEN) {
                if (NinePExchanges.decode(s, req) instanceof Tlopen o && (o.flags() & O_ACCMODE) != 0) {
                    if (withWritebackFid.add(files.of(conn, f, req))) {
                        writebackFids++;
                    }
                }
                if (NinePExchanges.decode(s, rep) instanceof Rlopen r && r.iounit() > 0) {
                    iounits.put(f.index(), r.iounit());
                }
            } else if (type == NinePTypes.TWRITE && NinePExchanges.decode(s, req) instanceof Twrite w) {
                long chunk = Math.max(1, msizes.getOrDefault(conn, PageCache.DEFAULT_MSIZE) - PageCache.IOHDRSZ);
                chunk = Math.min(chunk, iounits.getOrDefault(f.index(), chunk));
                long[] last = lastWrite.get(f.index());
                boolean continues = last != null && last[1] == 1 && last[0] == w.offset();
                if (!continues) {
                    probes++;
                }
                lastWrite.put(f.index(), new long[] {w.offset() + w.count(), w.count() == chunk ? 1 : 0});
            }
        }
        marks.add("Txattrwalk", "Rlerror", probes);
        marks.add("Twalk", "Rwalk", writebackFids);
        marks.add("Tlopen", "Rlopen", writebackFids);
        marks.add("Tclunk", "Rclunk", writebackFids);
        return marks.outcome();
    }

    /**
     * A capture whose client already caches attributes (fewer Tgetattr than successful walks:
     * cache=none sends a Tgetattr after every walk that finds something and for every stat, the
     * samples' cache=none captures 1.01 to 1.38 per Rwalk; the loose client only on a miss or after
     * an invalidation, 0.15 to 0.79) was taken with a cache: a cache=loose profile would add its
     * probes and writeback fids a second time.
     */
    @Override
    public List<String> remarks(Session session) {
        long walks = 0;
        long getattrs = 0;
        for (int i = 0; i < session.size(); i++) {
            int t = session.typeCode(i);
            if (t == NinePTypes.RWALK) {
                walks++;
            } else if (t == NinePTypes.TGETATTR) {
                getattrs++;
            }
        }
        if (walks >= 100 && getattrs * 10 < walks * 9) {
            return List.of(getattrs + " Tgetattr for " + walks + " successful Twalk: this client already caches attributes, so "
                    + "the capture looks like cache=loose (or another caching mode) already; a cache=loose profile "
                    + "adds its xattr probes and writeback fids a second time. Run the profiles on a cache=none capture.");
        }
        return List.of();
    }
}
