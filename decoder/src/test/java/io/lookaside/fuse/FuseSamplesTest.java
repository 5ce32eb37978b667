package io.lookaside.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.Samples;
import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real FUSE samples, decoded whole, against their sidecars' histograms (samples/b-fuse-*.txt,
 * made by the capture recipes with their own tools: an independent oracle). For bindfs and
 * fuse-overlayfs the same run was recorded three ways; the counts must agree where the
 * sources overlap.
 */
class FuseSamplesTest {
    private static final String[] ALL = {
        "b-fuse-glusterfs.fusedump.gz", "b-fuse-bindfs.fusedump.gz", "b-fuse-bindfs.strace.txt.gz",
        "b-fuse-bindfs.tracefs.txt", "b-fuse-fuse-overlayfs.fusedump.gz", "b-fuse-fuse-overlayfs.strace.txt.gz",
        "b-fuse-fuse-overlayfs.tracefs.txt"};

    private static Session load(String name) throws CaptureException {
        return SessionLoader.load(Samples.path(name), CaptureOptions.DEFAULT, LoadMonitor.NONE);
    }

    /** "request LOOKUP" / "reply LOOKUP" / "error LOOKUP" / "notify NOTIFY_INVAL_INODE" → count. */
    private static Map<String, Integer> histogram(Session s) {
        Map<String, Integer> h = new TreeMap<>();
        for (int i = 0; i < s.size(); i++) {
            h.merge(s.direction(i).key() + " " + s.typeName(i), 1, Integer::sum);
            if (s.message(i) instanceof FuseReply.Error || s.message(i) instanceof HeaderOnly.Reply r
                    && r.header().error() != 0) {
                h.merge("error " + s.typeName(i), 1, Integer::sum);
            }
        }
        return h;
    }

    /** Parses the sidecar's "count req|reply OPCODE [error]" lines into the same keys. */
    private static Map<String, Integer> expected(String csv) {
        Map<String, Integer> h = new TreeMap<>();
        for (String row : csv.split(";")) {
            String[] f = row.trim().split("\\s+");
            int n = Integer.parseInt(f[0]);
            String op = f[1];
            int req = Integer.parseInt(f[2]);
            int rep = Integer.parseInt(f[3]);
            int err = Integer.parseInt(f[4]);
            if (req > 0) {
                h.put("request " + op, req);
            }
            if (rep > 0) {
                h.put((op.startsWith("NOTIFY_") ? "notify " : "reply ") + op, rep);
            }
            if (err > 0) {
                h.put("error " + op, err);
            }
            assertThat(n).isPositive();
        }
        return h;
    }

    // rows: "1 OPCODE requests replies errors"; from the sidecars' "message counts" and "errors in replies"
    private static final String GLUSTERFS = """
            1 LOOKUP 1493 1493 1454; 1 READLINK 360 360 0; 1 FLUSH 139 139 0; 1 GETXATTR 112 112 112;
            1 GETATTR 101 101 0; 1 RELEASE 96 96 0; 1 OPEN 72 72 0; 1 WRITE 72 72 0; 1 READ 46 46 0;
            1 READDIRPLUS 45 45 0; 1 FORGET 26 0 0; 1 UNLINK 25 25 0; 1 OPENDIR 24 24 0; 1 RELEASEDIR 24 24 0;
            1 CREATE 24 24 0; 1 RENAME 20 20 0; 1 SETATTR 2 2 0; 1 STATFS 2 2 0; 1 INIT 1 1 0; 1 MKDIR 1 1 0;
            1 RENAME2 1 1 1; 1 SYMLINK 1 1 0; 1 RMDIR 1 1 0""";
    private static final String BINDFS = """
            1 LOOKUP 1494 1494 1454; 1 READLINK 360 360 0; 1 WRITE 192 192 0; 1 GETXATTR 162 162 162;
            1 GETATTR 134 134 0; 1 RELEASE 96 96 0; 1 OPEN 72 72 0; 1 READ 64 64 0; 1 READDIR 45 45 0;
            1 UNLINK 25 25 0; 1 OPENDIR 24 24 0; 1 RELEASEDIR 24 24 0; 1 CREATE 24 24 0; 1 RENAME 20 20 0;
            1 FORGET 17 0 0; 1 SETATTR 2 2 0; 1 STATFS 2 2 0; 1 BATCH_FORGET 2 0 0; 1 INIT 1 1 0;
            1 FLUSH 1 1 1; 1 MKDIR 1 1 0; 1 SYMLINK 1 1 0; 1 RMDIR 1 1 0""";
    private static final String OVERLAYFS = """
            1 READLINK 360 360 0; 1 LOOKUP 205 205 0; 1 GETXATTR 162 162 162; 1 RELEASE 96 96 0;
            1 GETATTR 94 94 0; 1 OPEN 72 72 0; 1 SETATTR 68 68 0; 1 WRITE 44 44 0; 1 READDIRPLUS 31 31 0;
            1 NOTIFY_INVAL_INODE 0 26 0; 1 UNLINK 25 25 0; 1 OPENDIR 24 24 0; 1 RELEASEDIR 24 24 0;
            1 CREATE 24 24 0; 1 READ 23 23 0; 1 RENAME2 20 20 0; 1 FORGET 20 0 0; 1 READDIR 7 7 0;
            1 STATFS 2 2 0; 1 BATCH_FORGET 2 0 0; 1 INIT 1 1 0; 1 FLUSH 1 1 1; 1 MKDIR 1 1 0;
            1 SYMLINK 1 1 0; 1 RMDIR 1 1 0""";

    @ParameterizedTest
    @ValueSource(strings = {"b-fuse-glusterfs.fusedump.gz", "b-fuse-bindfs.fusedump.gz", "b-fuse-bindfs.strace.txt.gz",
        "b-fuse-bindfs.tracefs.txt", "b-fuse-fuse-overlayfs.fusedump.gz", "b-fuse-fuse-overlayfs.strace.txt.gz",
        "b-fuse-fuse-overlayfs.tracefs.txt"})
    void loadEverySampleDecodesWithoutMalformed(String name) throws CaptureException {
        Session s = load(name);
        assertThat(s.size()).isPositive();
        assertThat(s.truncated()).isFalse();
        for (int i = 0; i < s.size(); i++) {
            assertThat(s.message(i)).as("%s row %d frame %d", name, i, s.frame(i)).isNotInstanceOf(Malformed.class);
        }
        assertThat(ALL).contains(name);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            b-fuse-glusterfs.fusedump.gz,        GLUSTERFS, 5350
            b-fuse-bindfs.fusedump.gz,           BINDFS,    5509
            b-fuse-bindfs.strace.txt.gz,         BINDFS,    5509
            b-fuse-fuse-overlayfs.fusedump.gz,   OVERLAYFS, 2620
            b-fuse-fuse-overlayfs.strace.txt.gz, OVERLAYFS, 2620
            """)
    void loadFullSourcesMatchSidecarHistograms(String name, String table, int total) throws CaptureException {
        Session s = load(name);
        assertThat(s.size()).isEqualTo(total);
        assertThat(histogram(s)).isEqualTo(expected(switch (table) {
            case "GLUSTERFS" -> GLUSTERFS;
            case "BINDFS" -> BINDFS;
            default -> OVERLAYFS;
        }));
    }

    /** The tracepoints fire for requests that await an answer: every row but FORGET and BATCH_FORGET. */
    @ParameterizedTest
    @CsvSource(textBlock = """
            b-fuse-bindfs.tracefs.txt,         BINDFS,    2745
            b-fuse-fuse-overlayfs.tracefs.txt, OVERLAYFS, 1286
            """)
    void loadTracefsMatchesSidecarWithoutForgets(String name, String table, int sends) throws CaptureException {
        Session s = load(name);
        Map<String, Integer> want = expected(table.equals("BINDFS") ? BINDFS : OVERLAYFS);
        want.keySet().removeIf(k -> k.endsWith(" FORGET") || k.endsWith(" BATCH_FORGET") || k.startsWith("notify "));
        assertThat(histogram(s)).isEqualTo(want);
        assertThat(s.size()).isEqualTo(2 * sends);
        for (int i = 0; i < s.size(); i++) {
            assertThat(s.hasFlag(i, Session.HEADER_ONLY)).isTrue();
            assertThat(s.peer(i)).as("sidecar: every request paired").isNotNegative();
        }
    }

    /**
     * Where a run was recorded several ways, every exchange agrees by unique: same opcode,
     * same request and reply lengths, same error. The fusedump was rebuilt from the strace
     * log, so those two agree on everything; the tracefs file lacks FORGET and BATCH_FORGET
     * (no reply awaited, no tracepoint) and notifications (they are not requests).
     */
    @ParameterizedTest
    @ValueSource(strings = {"b-fuse-bindfs", "b-fuse-fuse-overlayfs"})
    void loadThreeSourcesOfOneRunAgreeByUnique(String run) throws CaptureException {
        Map<String, String> dump = exchanges(load(run + ".fusedump.gz"));
        Map<String, String> strace = exchanges(load(run + ".strace.txt.gz"));
        Map<String, String> tracefs = exchanges(load(run + ".tracefs.txt"));
        assertThat(strace).isEqualTo(dump);
        Map<String, String> overlap = dump.entrySet().stream()
                .filter(e -> !e.getValue().startsWith("FORGET ") && !e.getValue().startsWith("BATCH_FORGET "))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(tracefs).isEqualTo(overlap);
    }

    /** unique → "OPCODE requestLen replyLen error" for every request. */
    private static Map<String, String> exchanges(Session s) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            if (s.direction(i) != Direction.REQUEST) {
                continue;
            }
            int r = s.peer(i);
            String reply = "none";
            if (r >= 0) {
                java.nio.ByteBuffer b = s.bytes(r).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                reply = (b.getInt(0) & 0xFFFF_FFFFL) + " " + b.getInt(4);
            }
            long len = s.bytes(i).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(0) & 0xFFFF_FFFFL;
            m.put(Long.toUnsignedString(s.key(i)), s.typeName(i) + " " + len + " " + reply);
        }
        return m;
    }

    @Test
    void loadOverlayfsStraceKeepsSplicedReadRepliesHeaderOnly() throws CaptureException {
        Session s = load("b-fuse-fuse-overlayfs.strace.txt.gz");
        int headerOnly = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.hasFlag(i, Session.HEADER_ONLY)) {
                headerOnly++;
                assertThat(s.typeName(i)).isEqualTo("READ");
                assertThat(s.message(i)).isInstanceOf(HeaderOnly.Reply.class);
                assertThat(((HeaderOnly.Reply) s.message(i)).header().len()).isEqualTo(131088);
            }
        }
        assertThat(headerOnly).as("sidecar: 8 READ reply payloads spliced").isEqualTo(8);
        assertThat(s.diagnostics()).anyMatch(d -> d.text().contains("splice"));
    }

    @Test
    void loadOverlayfsFindsTheSidecarsNegativeEntries() throws CaptureException {
        Session s = load("b-fuse-fuse-overlayfs.fusedump.gz");
        long negative = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.message(i) instanceof FuseReply.Entry e && e.entry_out().nodeid() == 0) {
                negative++;
            }
        }
        assertThat(negative).as("sidecar: 204 LOOKUP negative entry (nodeid 0)").isEqualTo(204);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            b-fuse-glusterfs.fusedump.gz,        7.45, 7.24
            b-fuse-bindfs.fusedump.gz,           7.45, 7.19
            b-fuse-bindfs.strace.txt.gz,         7.45, 7.19
            b-fuse-fuse-overlayfs.fusedump.gz,   7.45, 7.31
            b-fuse-fuse-overlayfs.strace.txt.gz, 7.45, 7.31
            """)
    void loadInitNegotiationGivesTheDaemonsVersion(String name, String proposed, String agreed) throws CaptureException {
        Session s = load(name);
        int init = -1;
        for (int i = 0; i < s.size() && init < 0; i++) {
            if (s.typeName(i).equals("INIT") && s.direction(i) == Direction.REQUEST) {
                init = i;
            }
        }
        assertThat(s.dialect(init)).isEqualTo(proposed);
        assertThat(s.dialect(s.peer(init))).isEqualTo(agreed);
        assertThat(s.dialect(s.size() - 1)).isEqualTo(agreed);
    }

    /**
     * A big-endian capture: every message of a real sample swapped field by field (ByteSwap
     * knows the layouts independently of the decoder) decodes to the same records, the byte
     * order learnt from the swapped INIT.
     */
    @ParameterizedTest
    @ValueSource(strings = {"b-fuse-glusterfs.fusedump.gz", "b-fuse-bindfs.fusedump.gz",
        "b-fuse-fuse-overlayfs.fusedump.gz"})
    void loadByteSwappedSampleDecodesToTheSameRecords(String name) throws CaptureException {
        Session s = load(name);
        io.lookaside.session.SessionBuilder swapped = new io.lookaside.session.SessionBuilder("swapped " + name);
        swapped.connection(0, io.lookaside.capture.Protocol.FUSE, "swapped");
        for (int i = 0; i < s.size(); i++) {
            byte[] le = new byte[s.bytes(i).remaining()];
            s.bytes(i).get(le);
            byte[] be = switch (s.direction(i)) {
                case REQUEST -> ByteSwap.request(le);
                case REPLY -> ByteSwap.reply(le, FuseOpcode.of(s.typeCode(i)));
                case NOTIFY -> ByteSwap.notify(le);
            };
            swapped.message(0, s.direction(i) == Direction.REQUEST, s.frame(i), s.tsNanos(i),
                    java.nio.ByteBuffer.wrap(be), 0);
        }
        Session t = swapped.build();
        assertThat(t.diagnostics()).anyMatch(d -> d.text().contains("BIG_ENDIAN"));
        for (int i = 0; i < s.size(); i++) {
            assertThat(t.message(i)).as("row %d", i).isEqualTo(s.message(i));
            assertThat(t.peer(i)).isEqualTo(s.peer(i));
            assertThat(t.dialect(i)).isEqualTo(s.dialect(i));
        }
    }
}
