package io.lookaside.analysis;

import io.lookaside.capture.Diagnostic;
import io.lookaside.capture.InputKind;
import io.lookaside.capture.Protocol;
import io.lookaside.capture.TracefsSource;
import io.lookaside.fuse.FuseOpcode;
import io.lookaside.fuse.FuseReply;
import io.lookaside.fuse.FuseRequest;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.ninep.Rerror;
import io.lookaside.ninep.Rgetattr;
import io.lookaside.ninep.Rversion;
import io.lookaside.ninep.Tattach;
import io.lookaside.ninep.Tgetattr;
import io.lookaside.ninep.Tversion;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * Who spoke in a capture: the client and the server or FUSE daemon, each named from what the
 * capture shows, with that evidence, or "unknown". Findings choose their fixes by it: the mount
 * options a client has, the daemon's own options (glusterfs is not libfuse).
 *
 * @param client the 9P client or the FUSE kernel side
 * @param server the 9P server or the FUSE daemon
 */
public record Identification(Party client, Party server) {

    /** Nothing told who it was. */
    public static final String UNKNOWN = "unknown";

    /**
     * One side.
     *
     * @param name     {@code linux-v9fs}, {@code diod-userspace}, {@code plan9}, {@code diod}, {@code nfs-ganesha},
     *                 {@code qemu}, {@code glusterfs}, {@code libfuse2}, {@code libfuse3}, {@code linux-fuse}, or {@link #UNKNOWN}
     * @param label    the name in words, with a version range when the behaviour tells one
     * @param evidence what in the capture says so; empty when unknown
     */
    public record Party(String name, String label, List<String> evidence) {
        public Party {
            evidence = List.copyOf(evidence);
        }

        static Party unknown(String why) {
            return new Party(UNKNOWN, "unknown", List.of(why));
        }

        public boolean is(String n) {
            return name.equals(n);
        }
    }

    /** Messages read at most to find the few that tell (versions, attaches, INIT, a few replies). */
    private static final int SCAN = 200_000;
    /** P9_GETATTR_ALL minus the BASIC set: what diod answers when asked and NFS-Ganesha never does. */
    private static final long GETATTR_BEYOND_BASIC = 0x3800;
    private static final long GETATTR_BASIC = 0x7ff;

    public static Identification of(Session s) {
        boolean ninep = s.connections().stream().anyMatch(c -> c.protocol() == Protocol.NINEP);
        return ninep ? ninep(s) : fuse(s);
    }

    private static Identification ninep(Session s) {
        Tversion tv = null;
        Rversion rv = null;
        Tattach ta = null;
        Rerror rerror = null;
        boolean authEnoent = false;
        int basicOnly = 0;
        int beyondBasic = 0;
        int n = Math.min(s.size(), SCAN);
        for (int i = 0; i < n; i++) {
            int t = s.typeCode(i);
            if (t == NinePTypes.TVERSION && tv == null && s.message(i) instanceof Tversion v) {
                tv = v;
            } else if (t == NinePTypes.RVERSION && rv == null && s.message(i) instanceof Rversion v) {
                rv = v;
            } else if (t == NinePTypes.TATTACH && ta == null && s.message(i) instanceof Tattach a) {
                ta = a;
            } else if (t == NinePTypes.RLERROR && !authEnoent && s.peer(i) >= 0 && s.typeCode(s.peer(i)) == NinePTypes.TAUTH
                    && s.message(i) instanceof io.lookaside.ninep.Rlerror e && e.ecode() == 2) {
                authEnoent = true;
            } else if (t == NinePTypes.RERROR && rerror == null && s.message(i) instanceof Rerror e) {
                rerror = e;
            } else if (t == NinePTypes.RGETATTR && basicOnly + beyondBasic < 50 && s.peer(i) >= 0
                    && s.message(s.peer(i)) instanceof Tgetattr q && (q.request_mask() & GETATTR_BEYOND_BASIC) != 0
                    && s.message(i) instanceof Rgetattr g) {
                if ((g.valid() & GETATTR_BEYOND_BASIC) != 0) {
                    beyondBasic++;
                } else if (g.valid() == GETATTR_BASIC) {
                    basicOnly++;
                }
            }
        }
        Party server = InputKind.QEMU_TRACE.key().equals(s.sourceKind()) ? qemu(rv)
                : ninepServer(tv, rv, rerror, basicOnly, beyondBasic, authEnoent);
        return new Identification(ninepClient(tv, ta), server);
    }

    private static Party ninepClient(Tversion tv, Tattach ta) {
        if (tv == null && ta == null) {
            return Party.unknown("the capture holds no Tversion or Tattach (it started after the mount)");
        }
        List<String> ev = new ArrayList<>();
        String version = tv == null ? null : tv.version();
        if (tv != null) {
            ev.add("Tversion " + version + " msize " + tv.msize());
        }
        if (ta != null) {
            ev.add("Tattach uname \"" + ta.uname() + "\"" + (ta.n_uname() == null ? "" : " n_uname " + ta.n_uname()));
        }
        if ("9P2000".equals(version)) {
            return new Party("plan9", "a 9P2000 client (Plan 9, plan9port, or Linux v9fs with version=9p2000)", ev);
        }
        boolean nobody = ta != null && "nobody".equals(ta.uname());
        if (nobody) {
            // V9FS_DEFUSER: v9fs attaches as "nobody" unless uname= is given (fs/9p/v9fs.h).
            String range = "";
            if (tv != null && tv.msize() == 131072) {
                range = ", 5.15 or later (Tversion msize 131072 is the default since 5.15)";
            } else if (tv != null && tv.msize() == 8192) {
                range = ", before 5.15 or mounted with msize=8192 (the old default)";
            }
            return new Party("linux-v9fs", "Linux kernel v9fs" + range, ev);
        }
        if ("9P2000.L".equals(version) && ta != null && ta.uname().isEmpty() && tv != null && tv.msize() == 65536) {
            // libnpclient (diodls, diodcat, diodload): attaches by n_uname with an empty uname, msize 64 KiB.
            return new Party("diod-userspace", "diod's userspace tools (libnpclient: diodls, diodcat, diodload)", ev);
        }
        return new Party(UNKNOWN, "unknown", ev);
    }

    /** QEMU's v9fs_* trace events exist only in QEMU's virtio-9p server (hw/9pfs): the input names it. */
    private static Party qemu(Rversion rv) {
        List<String> ev = new ArrayList<>();
        ev.add("the input is QEMU's v9fs_* trace (-trace 'v9fs_*'), which only QEMU's virtio-9p server writes");
        if (rv != null) {
            ev.add("Rversion " + rv.version() + " msize " + rv.msize());
        }
        return new Party("qemu", "QEMU virtio-9p server (hw/9pfs)", ev);
    }

    private static Party ninepServer(Tversion tv, Rversion rv, Rerror rerror, int basicOnly, int beyondBasic,
                                     boolean authEnoent) {
        List<String> ev = new ArrayList<>();
        if (rv != null) {
            ev.add("Rversion " + rv.version() + " msize " + rv.msize() + (tv != null && tv.msize() > rv.msize()
                    ? " (lowered from " + tv.msize() + ")" : ""));
        }
        if (rerror != null && rerror.ecode() != null) {
            ev.add("Rerror carrying a 4-byte errno in a 9P2000.L session (NFS-Ganesha's error reply)");
            return new Party("nfs-ganesha", "NFS-Ganesha (9P)", ev);
        }
        if (basicOnly > 0 && beyondBasic == 0) {
            ev.add(basicOnly + " Rgetattr answer only the BASIC fields (0x7ff) to requests for more (NFS-Ganesha does)");
            return new Party("nfs-ganesha", "NFS-Ganesha (9P)", ev);
        }
        if ((beyondBasic > 0 || authEnoent) && rv != null && rv.msize() <= 65536) {
            if (beyondBasic > 0) {
                ev.add(beyondBasic + " Rgetattr answer btime/gen/data_version when asked (diod does)");
            }
            if (authEnoent) {
                ev.add("Tauth answered Rlerror ENOENT: diod's \"no authentication required\"");
            }
            ev.add("msize at most 64 KiB (diod's limit)");
            return new Party("diod", "diod", ev);
        }
        if (rv == null) {
            return Party.unknown("the capture holds no Rversion");
        }
        return new Party(UNKNOWN, "unknown", ev);
    }

    private static Identification fuse(Session s) {
        FuseRequest.Init ask = null;
        FuseReply.Init got = null;
        int n = Math.min(s.size(), SCAN);
        for (int i = 0; i < n && got == null; i++) {
            if (s.typeCode(i) == FuseOpcode.INIT.code()) {
                Object m = s.message(i);
                if (s.direction(i) == Direction.REQUEST && m instanceof FuseRequest.Init r) {
                    ask = r;
                } else if (m instanceof FuseReply.Init r) {
                    got = r;
                }
            }
        }
        Party client = ask == null
                ? Party.unknown("the capture holds no FUSE_INIT request" + ("tracefs".equals(s.sourceKind())
                        ? " body (kernel tracepoints carry headers only)" : ""))
                : new Party("linux-fuse", "Linux kernel FUSE, protocol 7." + ask.minor(),
                        List.of("FUSE_INIT request: protocol " + ask.major() + "." + ask.minor()));
        return new Identification(client, daemon(s, got));
    }

    private static Party daemon(Session s, FuseReply.Init got) {
        List<String> ev = new ArrayList<>();
        if ("fusedump".equals(s.sourceKind()) && s.diagnostics().stream().anyMatch(d -> d.text().contains("written by glusterfs"))) {
            // glusterfs --dump-fuse signs its fusedump "GLUSTER"; its FUSE bridge is its own code, not libfuse.
            ev.add("the input is a fusedump signed GLUSTER, as glusterfs --dump-fuse writes it");
            if (got != null) {
                ev.add("FUSE_INIT reply: protocol 7." + got.minor() + ", max_background " + got.max_background());
            }
            return new Party("glusterfs", "glusterfs (its own FUSE bridge, not libfuse)", ev);
        }
        String task = null;
        for (Diagnostic d : s.diagnostics()) {
            if (d.text().startsWith(TracefsSource.DAEMON_TASK)) {
                task = d.text().substring(TracefsSource.DAEMON_TASK.length());
                ev.add("the task that ended the requests: " + task);
                task = task.split(" ", 2)[0];
            }
        }
        if (got != null) {
            ev.add("FUSE_INIT reply: protocol 7." + got.minor() + (got.max_pages() != null ? ", max_pages " + got.max_pages()
                    : ""));
            // libfuse 2.9 speaks 7.19 and answers with that; libfuse 3 answers 7.26 or later (3.10+: 7.31).
            if (got.minor() <= 19) {
                return new Party("libfuse2", labelled(task, "libfuse 2 (protocol 7." + got.minor() + ")"), ev);
            }
            if (got.minor() >= 26) {
                return new Party("libfuse3", labelled(task, "libfuse 3 (protocol 7." + got.minor() + ")"), ev);
            }
        }
        if (task != null) {
            return new Party(UNKNOWN, task + " (library unknown: tracepoints carry no FUSE_INIT body)", ev);
        }
        return ev.isEmpty() ? Party.unknown("no FUSE_INIT reply and no process name in the capture")
                : new Party(UNKNOWN, "unknown", ev);
    }

    private static String labelled(String task, String library) {
        return task == null ? "a daemon on " + library : task + " on " + library;
    }

    /** The client's cache mode option names (Linux v9fs has cache=readahead only from 6.6 on). */
    public boolean ninePClientLinux() {
        return client.is("linux-v9fs");
    }
}
