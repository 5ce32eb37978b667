package io.lookaside.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the kernel's FUSE tracepoints as text: tracefs {@code trace} / {@code trace_pipe}
 * lines, or {@code trace-cmd report} output (fs/fuse/fuse_trace.h, Linux 6.16+):
 * <pre>
 *   ls-30941 [001] ...1.  3409.632882: fuse_request_send: connection 39 req 6 opcode 22 (FUSE_GETXATTR) len 65
 * bindfs-30935 [000] .....  3409.633155: fuse_request_end: connection 39 req 6 len 16 error -61
 * </pre>
 * The events carry no arguments, so each becomes a header-only message with a synthesized
 * header: {@code fuse_in_header{len, opcode, unique, pid}} for a send, the pid being the sending
 * task's from the line (the requester, as fuse_in_header's pid is; nodeid, uid and gid stay zero
 * and are flagged {@link MessageSink#SYNTHETIC_HEADER}: not captured), and
 * {@code fuse_out_header{len, error, unique}}, complete, for an end. Each connection number is
 * one conversation, {@code fuse conn N}. The events fire in the kernel, so they also show
 * virtio-fs inside a guest, but not FORGET and BATCH_FORGET (no reply is awaited for them).
 *
 * <p>Timestamps are the trace clock (seconds since boot by default). A
 * {@code tracing_mark_write: … realtime=SECONDS.NANOS} marker line, as the lab recipes write
 * ("lab-sync"), ties that clock to wall-clock time; the first such marker sets the offset for
 * the whole file. Without one, timestamps stay on the trace clock and a diagnostic says so.
 */
public final class TracefsSource implements CaptureSource {
    /** {@code TASK-PID [(TGID)] [CPU] [FLAGS] SECONDS.FRACTION: EVENT: FIELDS}. */
    private static final Pattern LINE = Pattern.compile(
            "^\\s*(.*?)-(\\d+)\\s+(?:\\(\\s*[-\\d]+\\)\\s+)?\\[(\\d+)\\]\\s+(?:[\\w.]{4,5}\\s+)?(\\d+)\\.(\\d+):"
            + "\\s+(?:fuse:)?(fuse_request_send|fuse_request_end|tracing_mark_write|print):\\s*(.*)$");
    private static final Pattern REALTIME = Pattern.compile("realtime=(\\d+)\\.(\\d+)");
    private static final Pattern FIELD = Pattern.compile("(connection|req|opcode|len|error)\\s+(-?\\d+)");
    /** Tracepoint lines are about 130 characters; a longer line is not one and is skipped. */
    static final int MAX_LINE = 64 << 10;
    /** FUSE connections (mounts) followed at most; events of further ones are counted and skipped. */
    static final int MAX_CONNECTIONS = 4096;

    /**
     * The start of the info diagnostic that names the task that ended most requests (the daemon
     * writing its replies, e.g. {@code bindfs}): {@code daemon task: NAME (pid N) ended K of M requests}.
     */
    public static final String DAEMON_TASK = "daemon task: ";

    private final Path path;

    public TracefsSource(Path path) {
        this.path = path;
    }

    /** True when {@code text} holds fuse_request_send/_end tracepoint lines. */
    static boolean looksLike(String text) {
        for (String line : text.split("\n", 2000)) {
            Matcher m = LINE.matcher(line);
            if (m.matches() && m.group(6).startsWith("fuse_request_")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void read(MessageSink sink, LoadMonitor monitor) throws CaptureException {
        Reader r = new Reader(sink);
        r.offset = clockOffset();
        InputFiles.Counted input = InputFiles.openCounted(path);
        LineReader.decodeAll(input, MAX_LINE, r, sink, monitor, (MAX_LINE >> 10) + " KiB", "");
        monitor.progress(input.consumed(), input.total());
        r.finish();
        if (r.events == 0) {
            throw new CaptureException(path + ": no fuse_request_send/_end tracepoint lines found");
        }
    }

    /**
     * A decoder of tracepoint lines that delivers to {@code sink}, for trace_pipe read as events
     * happen: the first realtime marker sets the clock offset for the events after it.
     */
    public static LineDecoder lines(MessageSink sink) {
        return new Reader(sink);
    }

    /** Wall clock minus trace clock from the first realtime marker, or Long.MIN_VALUE (a first, quick pass). */
    private long clockOffset() throws CaptureException {
        try (LineReader in = new LineReader(InputFiles.open(path), MAX_LINE)) {
            String line;
            while ((line = in.next()) != null) {
                if (line.contains("realtime=")) {
                    Matcher m = LINE.matcher(line);
                    Matcher rt = REALTIME.matcher(line);
                    if (m.matches() && !m.group(6).startsWith("fuse_") && rt.find()) {
                        long ts = nanos(m.group(4), m.group(5));
                        long wall = nanos(rt.group(1), rt.group(2));
                        if (ts >= 0 && wall >= 0) {
                            return wall - ts;
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the main pass reports what is wrong with the input
        }
        return Long.MIN_VALUE;
    }

    /**
     * SECONDS.FRACTION (both digit runs) in nanoseconds, or -1 when the seconds do not fit:
     * ten digits reach the year 2286 of wall-clock time, and far more of seconds since boot.
     */
    static long nanos(String seconds, String fraction) {
        if (seconds.length() > 10) {
            return -1;
        }
        return Long.parseLong(seconds) * 1_000_000_000L + Long.parseLong((fraction + "000000000").substring(0, 9));
    }

    private static final class Reader implements LineDecoder {
        private final MessageSink sink;
        private long lineNo;
        long events;
        private final Map<Long, Integer> conns = new HashMap<>();
        /** Wall clock minus trace clock, from the first realtime marker; Long.MIN_VALUE until one is seen. */
        long offset = Long.MIN_VALUE;
        private long unparsed;
        private long refused;
        /** Per task (comm-pid) that ended requests: how many; the daemon's threads write the replies. */
        private final Map<String, Long> enders = new HashMap<>();
        private long ends;

        Reader(MessageSink sink) {
            this.sink = sink;
        }

        @Override
        public long recognised() {
            return events;
        }

        @Override
        public void line(String line) {
            lineNo++;
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                if (line.contains("fuse_request_")) {
                    unparsed++;
                }
                return;
            }
            long ts = nanos(m.group(4), m.group(5));
            if (ts < 0) {
                if (line.contains("fuse_request_")) {
                    unparsed++;
                }
                return;
            }
            String event = m.group(6);
            String fields = m.group(7);
            if (event.equals("tracing_mark_write") || event.equals("print")) {
                Matcher rt = REALTIME.matcher(fields);
                if (offset == Long.MIN_VALUE && rt.find()) {
                    long wall = nanos(rt.group(1), rt.group(2));
                    if (wall >= 0) {
                        offset = wall - ts; // read line by line: the first marker counts from here on
                    }
                }
                return;
            }
            long conn = -1;
            long unique = -1;
            long opcode = -1;
            long len = -1;
            long error = 0;
            boolean hasError = false;
            Matcher f = FIELD.matcher(fields);
            while (f.find()) {
                long v;
                try {
                    v = Long.parseLong(f.group(2));
                } catch (NumberFormatException e) {
                    continue;
                }
                switch (f.group(1)) {
                    case "connection" -> conn = v;
                    case "req" -> unique = v;
                    case "opcode" -> opcode = v;
                    case "len" -> len = v;
                    default -> {
                        error = v;
                        hasError = true;
                    }
                }
            }
            boolean send = event.equals("fuse_request_send");
            if (conn < 0 || unique < 0 || len < 0 || (send ? opcode < 0 : !hasError)) {
                unparsed++;
                return;
            }
            Integer known = conns.get(conn);
            if (known == null && conns.size() == MAX_CONNECTIONS) {
                refused++;
                return;
            }
            events++;
            int c = known != null ? known : open(conn);
            ByteBuffer header;
            int flags = MessageSink.HEADER_ONLY;
            if (send) {
                header = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
                header.putInt(0, (int) len).putInt(4, (int) opcode).putLong(8, unique);
                // The task that sent the request: the requester, as fuse_in_header.pid would say.
                header.putInt(32, (int) pid(m.group(2)));
                flags |= MessageSink.SYNTHETIC_HEADER;
            } else {
                String task = m.group(1).trim();
                if (enders.size() < 1024 || enders.containsKey(task)) {
                    enders.merge(task, 1L, Long::sum);
                }
                ends++;
                header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                header.putInt(0, (int) len).putInt(4, (int) error).putLong(8, unique);
            }
            long wall = offset == Long.MIN_VALUE ? ts : ts + offset;
            sink.message(c, send, lineNo, wall, header, flags);
        }

        private static long pid(String digits) {
            try {
                return Long.parseLong(digits) & 0xFFFF_FFFFL;
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        private int open(long conn) {
            int index = conns.size();
            conns.put(conn, index);
            sink.connection(index, Protocol.FUSE, "fuse conn " + conn);
            return index;
        }

        @Override
        public void finish() {
            if (refused > 0) {
                sink.diagnostic(Diagnostic.warning(0, -1, refused + " events of further connections were skipped: more"
                        + " than " + MAX_CONNECTIONS + " FUSE connections in one trace"));
            }
            if (unparsed > 0) {
                sink.diagnostic(Diagnostic.warning(0, -1, unparsed + " fuse_request lines could not be read"));
            }
            if (events == 0) {
                return;
            }
            if (offset == Long.MIN_VALUE) {
                sink.diagnostic(Diagnostic.info(0, -1, "no \"realtime=\" trace marker: timestamps are the trace"
                        + " clock (seconds since boot), not wall-clock time"));
            }
            sink.diagnostic(Diagnostic.info(0, -1, "kernel tracepoints: opcode, unique, length, error, the sending"
                    + " task's pid and timing only (no nodeid, uid, gid or body); FORGET and BATCH_FORGET are not traced"));
            enders.entrySet().stream().max(Map.Entry.comparingByValue()).ifPresent(e -> {
                // "bindfs" of the task "bindfs" ended the requests: group(1) holds the task's comm only.
                sink.diagnostic(Diagnostic.info(0, -1, DAEMON_TASK + e.getKey() + " ended " + e.getValue() + " of "
                        + ends + " requests"));
            });
        }
    }
}
