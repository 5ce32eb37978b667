package io.lookaside.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the /dev/fuse traffic of a FUSE daemon from an strace log, e.g.
 * {@code strace -f -ttt -T -y -xx -s 1M -e trace=read,write,writev,splice,vmsplice} or
 * {@code strace -f -ttt -xx -e trace=read,write,writev -e read=all -e write=all}:
 * every read(2)/readv(2) of /dev/fuse is one request (kernel to daemon), every
 * write(2)/writev(2) one reply or notification. The bytes come from the string arguments or,
 * when strace cut those at its -s limit, from the {@code | 00000 …} hex dumps of
 * {@code -e read=all -e write=all}.
 *
 * <p>/dev/fuse is told from the daemon's other I/O by the -y fd annotation when there is one,
 * else by content: an fd carries FUSE once a read on it returns a well-formed
 * {@code fuse_in_header} whose len is what read returned. Each FUSE fd is one connection,
 * named {@code pid P fd F (/dev/fuse)} after the first thread that used it.
 *
 * <p>libfuse3 may answer READ with splice(2): the reply header goes into a pipe with
 * vmsplice, the data from the file into the pipe and the pipe into /dev/fuse inside the
 * kernel, so strace never sees the payload. Such a reply is delivered header-only (its len
 * says how long it was) with a diagnostic; no byte is invented.
 *
 * <p>Timestamps: a request's is the read's entry time plus its duration (-T), the moment the
 * daemon got it; a reply's is the write's entry time.
 */
public final class StraceSource implements CaptureSource {
    /**
     * What the reader holds at most, so that no input can fill the heap; past a bound the user
     * is told and reading goes on.
     *
     * @param maxLine            the longest line read; longer ones are skipped. Default: a 16 MiB
     *                           message printed with -xx (4 characters a byte), 16 times the
     *                           kernel's default largest message; the -e read=all hex dumps carry
     *                           larger messages in short lines
     * @param maxDumpBytes       bytes of one hex dump buffer: larger than any FUSE message (as
     *                           for fusedump); a longer dump is not used
     * @param maxUnfinishedChars characters of calls split by {@code <unfinished ...>} waiting for
     *                           their {@code resumed} half (a real log has one per thread)
     * @param maxPipes           pipes holding a vmspliced reply header not yet spliced
     * @param maxDumpBuffers     hex dump buffers of one call (IOV_MAX iovecs)
     * @param maxConnections     /dev/fuse fds (one per daemon thread with clone_fd)
     */
    record Limits(int maxLine, int maxDumpBytes, long maxUnfinishedChars, int maxPipes, int maxDumpBuffers,
            int maxConnections) {
        static final Limits DEFAULT = new Limits(64 << 20, FusedumpSource.MAX_MESSAGE, 64L << 20, 1 << 16, 1024, 4096);
    }
    private static final int DETAILED_WARNINGS = 20;
    /** PATH_MAX is 4096, and /dev/fuse paths are short; a connection name shows no more of a path. */
    private static final int MAX_SHOWN_PATH = 256;

    private final Path path;
    private final Limits limits;

    public StraceSource(Path path) {
        this(path, Limits.DEFAULT);
    }

    StraceSource(Path path, Limits limits) {
        this.path = path;
        this.limits = limits;
    }

    /** True when {@code text} (the first bytes of a file) has lines of strace syscall output. */
    static boolean looksLike(String text) {
        int calls = 0;
        int lines = 0;
        for (String line : text.split("\n", 200)) {
            if (line.indexOf('\0') >= 0) {
                return false;
            }
            if (line.isBlank() || line.startsWith(" | ") || line.startsWith(" * ")) {
                continue;
            }
            lines++;
            Prefix p = Prefix.parse(line);
            if (p != null && callStart(line.substring(p.end))) {
                calls++;
            }
        }
        return calls > 0 && calls * 2 >= lines;
    }

    /** {@code name(…}, {@code <... name resumed>}, {@code +++ exited …} or {@code --- SIGNAL …}: what strace lines begin with. */
    private static boolean callStart(String rest) {
        if (rest.startsWith("<... ") || rest.startsWith("+++ ") || rest.startsWith("--- ")) {
            return true;
        }
        int open = rest.indexOf('(');
        if (open <= 0) {
            return false;
        }
        for (int i = 0; i < open; i++) {
            char c = rest.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /**
     * A decoder of strace lines that delivers to {@code sink}, for a log read while strace still
     * writes it: a call is handled when the next call line shows that its hex dump is complete.
     */
    public static LineDecoder lines(MessageSink sink) {
        return new Reader(sink, Limits.DEFAULT);
    }

    /** The longest strace line the decoder is given; longer ones are skipped by whoever splits the lines. */
    public static int maxLine() {
        return Limits.DEFAULT.maxLine();
    }

    @Override
    public void read(MessageSink sink, LoadMonitor monitor) throws CaptureException {
        InputFiles.Counted input = InputFiles.openCounted(path);
        Reader r = new Reader(sink, limits);
        LineReader.decodeAll(input, limits.maxLine(), r, sink, monitor, limits.maxLine() + " characters",
                "; rerun strace with -e read=all -e write=all, whose hex dumps carry large messages in short lines");
        r.finish();
        monitor.progress(input.consumed(), input.total());
        if (r.lineNo == 0) {
            throw new CaptureException(path + ": empty strace log");
        }
        if (r.calls == 0) {
            throw new CaptureException(path + ": no strace system call lines found");
        }
    }

    /** Where the pid and timestamp of a line end, and their values. */
    record Prefix(long pid, long nanos, int end) {
        static Prefix parse(String line) {
            int i = 0;
            long pid = 0;
            if (line.startsWith("[pid ")) {
                int close = line.indexOf(']');
                if (close < 0) {
                    return null;
                }
                pid = parseLong(line.substring(5, close).trim());
                i = close + 1;
            } else {
                int d = digits(line, 0);
                // "12345 " then a time or a call: a pid; "1795248742.845291" alone: a time
                if (d > 0 && d < line.length() && line.charAt(d) == ' ') {
                    pid = parseLong(line.substring(0, d));
                    i = d;
                }
            }
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            long nanos = 0;
            int d = digits(line, i);
            if (d > i && d < line.length() && line.charAt(d) == '.') {
                int f = digits(line, d + 1);
                nanos = StraceCall.seconds(line.substring(i, f));
                i = f;
            } else if (d == i + 2 && line.startsWith(":", d)) {
                int end = i;
                while (end < line.length() && (Character.isDigit(line.charAt(end)) || line.charAt(end) == ':'
                        || line.charAt(end) == '.')) {
                    end++;
                }
                nanos = timeOfDay(line.substring(i, end));
                i = end;
            }
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            return pid < 0 || nanos < 0 ? null : new Prefix(pid, nanos, i);
        }

        private static long timeOfDay(String s) {
            String[] hms = s.split(":");
            if (hms.length != 3) {
                return -1;
            }
            long sec = StraceCall.seconds(hms[2]);
            return sec < 0 ? -1 : (parseLong(hms[0]) * 3600 + parseLong(hms[1]) * 60) * 1_000_000_000L + sec;
        }

        private static int digits(String s, int from) {
            int i = from;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            return i;
        }

        private static long parseLong(String s) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    /** A connection: one /dev/fuse file descriptor. */
    private record Conn(int index, String id) {
    }

    /** The state of one pass over the log. */
    private static final class Reader implements LineDecoder {
        private final MessageSink sink;
        long lineNo;
        long calls;
        /** pid → the text of its unfinished call (without " <unfinished ...>") and its entry time. */
        private final Map<Long, String[]> unfinished = new HashMap<>();
        /** The last complete call and the hex dump lines that follow it. */
        private StraceCall last;
        private final List<ByteArrayBuilder> dump = new ArrayList<>();
        /** fd → connection, for fds that carry FUSE. */
        private final Map<Long, Conn> fuseFds = new HashMap<>();
        /** pipe (by -y path, or by pid without -y) → bytes vmspliced into it and not yet spliced out. */
        private final Map<String, byte[]> pipes = new HashMap<>();
        private long unfinishedChars;
        private long unfinishedDropped;
        private long pipesDropped;
        private long connectionsRefused;
        private long failed;
        private long otherFd;
        private long cut;
        private long spliced;
        private long splicedRequests;

        private final Limits limits;

        Reader(MessageSink sink, Limits limits) {
            this.sink = sink;
            this.limits = limits;
        }

        @Override
        public long recognised() {
            return calls;
        }

        @Override
        public void line(String line) {
            lineNo++;
            if (line.startsWith(" | ") || line.startsWith(" * ")) {
                dumpLine(line);
                return;
            }
            flush();
            Prefix p = Prefix.parse(line);
            if (p == null) {
                return;
            }
            String text = line.substring(p.end);
            long entry = p.nanos;
            if (text.startsWith("<... ")) {
                int close = text.indexOf(" resumed>");
                String[] head = unfinished.remove(p.pid);
                if (head != null) {
                    unfinishedChars -= head[0].length();
                }
                if (close < 0 || head == null) {
                    return;
                }
                text = head[0] + text.substring(close + " resumed>".length());
                long headTs = Long.parseLong(head[1]);
                // the resumed line's own time is when the call returned
                last = StraceCall.parse(p.pid, headTs, lineNo, text);
                if (last != null && last.durationNanos < 0 && p.nanos > 0) {
                    last = StraceCall.parse(p.pid, headTs, lineNo, text + " <" + seconds(p.nanos - headTs) + ">");
                }
            } else if (text.endsWith("<unfinished ...>")) {
                String head = text.substring(0, text.length() - "<unfinished ...>".length()).stripTrailing();
                String[] earlier = unfinished.remove(p.pid);
                if (earlier != null) {
                    unfinishedChars -= earlier[0].length();
                }
                if (unfinishedChars + head.length() <= limits.maxUnfinishedChars()) {
                    unfinished.put(p.pid, new String[] {head, Long.toString(entry)});
                    unfinishedChars += head.length();
                } else {
                    unfinishedDropped++;
                }
                calls++;
                return;
            } else {
                last = StraceCall.parse(p.pid, entry, lineNo, text);
            }
            if (last != null) {
                calls++;
            }
        }

        private static String seconds(long nanos) {
            return String.format("%d.%09d", nanos / 1_000_000_000L, nanos % 1_000_000_000L);
        }

        /** {@code " * N bytes in buffer K"} starts buffer K; {@code " | OFFSET  hex…  ascii |"} adds bytes. */
        private void dumpLine(String line) {
            if (last == null) {
                return;
            }
            if (line.startsWith(" * ")) {
                if (dump.size() < limits.maxDumpBuffers()) {
                    dump.add(new ByteArrayBuilder());
                } else {
                    dump.get(dump.size() - 1).broken = true;
                }
                return;
            }
            if (dump.isEmpty()) {
                dump.add(new ByteArrayBuilder());
            }
            ByteArrayBuilder b = dump.get(dump.size() - 1);
            // " | %05x  %-49s  %-16s |": the offset, then 16 bytes in a 49-column field
            int off = 3;
            int end = off;
            while (end < line.length() && Character.digit(line.charAt(end), 16) >= 0) {
                end++;
            }
            if (end == off || end + 2 > line.length()) {
                return;
            }
            if (end - off > 8) {
                b.broken = true; // strace prints %05x offsets; more than 8 digits is not a dump line
                return;
            }
            long at = Long.parseLong(line.substring(off, end), 16);
            int hexEnd = Math.min(line.length(), end + 2 + 49);
            if (at != b.size() || b.size() >= limits.maxDumpBytes()) {
                b.broken = true;
                return;
            }
            for (int i = end + 2; i + 1 < hexEnd; ) {
                char c = line.charAt(i);
                if (c == ' ') {
                    i++;
                    continue;
                }
                int hi = Character.digit(c, 16);
                int lo = Character.digit(line.charAt(i + 1), 16);
                if (hi < 0 || lo < 0) {
                    break;
                }
                b.add((byte) (hi << 4 | lo));
                i += 2;
            }
        }

        /** Handles the last complete call now that its dump lines, if any, have been read. */
        private void flush() {
            StraceCall c = last;
            last = null;
            if (c != null) {
                call(c);
            }
            dump.clear();
        }

        @Override
        public void finish() {
            flush();
            for (Map.Entry<Long, String[]> e : unfinished.entrySet()) {
                String head = e.getValue()[0];
                if (head.startsWith("read(") || head.startsWith("readv(")) {
                    continue; // a daemon thread still waiting for a request when tracing stopped
                }
                sink.diagnostic(Diagnostic.info(0, -1, "pid " + e.getKey() + ": "
                        + head.substring(0, Math.min(40, head.length())) + "… never finished in the log"));
            }
            if (unfinishedDropped > 0) {
                sink.diagnostic(Diagnostic.warning(0, -1, unfinishedDropped + " <unfinished ...> calls were not kept"
                        + " (more than " + limits.maxUnfinishedChars() + " characters of them waiting at once); their"
                        + " resumed halves were skipped"));
            }
            if (pipesDropped > 0) {
                sink.diagnostic(Diagnostic.warning(0, -1, pipesDropped + " vmsplice headers were not kept (more than "
                        + limits.maxPipes() + " pipes waiting for their splice at once)"));
            }
            if (connectionsRefused > 0) {
                sink.diagnostic(Diagnostic.warning(0, -1, connectionsRefused + " messages on further /dev/fuse fds were"
                        + " skipped: more than " + limits.maxConnections() + " fds carried FUSE"));
            }
            if (failed > 0) {
                sink.diagnostic(Diagnostic.info(0, -1, failed + " failed /dev/fuse calls skipped"
                        + " (e.g. read → ENODEV at unmount)"));
            }
            if (otherFd > 0) {
                sink.diagnostic(Diagnostic.info(0, -1, otherFd + " reads and writes on other files ignored"));
            }
            if (cut > DETAILED_WARNINGS) {
                sink.diagnostic(Diagnostic.warning(0, -1, cut + " messages were cut at strace's -s limit and are"
                        + " kept header-only; rerun strace with -s 1048576 or -e read=all -e write=all"));
            }
            if (spliced > 0) {
                sink.diagnostic(Diagnostic.warning(0, -1, spliced + " replies were written with splice(2): strace"
                        + " shows their header (vmsplice) but not their payload, so they are kept header-only"));
            }
            if (splicedRequests > 0) {
                sink.diagnostic(Diagnostic.warning(0, -1, splicedRequests + " requests were read from /dev/fuse"
                        + " with splice(2) (SPLICE_READ); strace does not show their bytes and they are missing"));
            }
        }

        private void call(StraceCall c) {
            switch (c.name) {
                case "read", "readv", "write", "writev" -> io(c);
                case "vmsplice" -> vmsplice(c);
                case "splice" -> splice(c);
                default -> {
                }
            }
        }

        private void io(StraceCall c) {
            boolean request = c.name.startsWith("read");
            long fd = c.fd(0);
            String fdPath = c.fdPath(0);
            if (fd < 0) {
                return;
            }
            Boolean fuse = fdPath == null ? null : fdPath.startsWith("/dev/fuse");
            if (Boolean.FALSE.equals(fuse)) {
                otherFd++;
                return;
            }
            if (c.ret <= 0) {
                if (Boolean.TRUE.equals(fuse) || fuseFds.containsKey(fd)) {
                    failed++;
                }
                return;
            }
            Data d = data(c);
            if (d == null) {
                return;
            }
            if (fuse == null && !fuseFds.containsKey(fd)) {
                // no -y annotation: the content decides
                if (!(request ? plausibleRequest(d.bytes, c.ret) : plausibleReply(d.bytes, c.ret))) {
                    otherFd++;
                    return;
                }
            }
            Conn conn = conn(c, fd, fdPath);
            if (conn == null) {
                return;
            }
            int header = request ? 40 : 16;
            if (d.cut) {
                cut++;
                if (cut <= DETAILED_WARNINGS) {
                    sink.diagnostic(Diagnostic.warning(c.line, conn.index, c.name + " at line " + c.line + ": strace"
                            + " shows " + d.bytes.length + " of " + c.ret + " bytes (its -s limit); kept header-only"));
                }
                if (d.bytes.length < header) {
                    return;
                }
                deliver(conn, request, c, ByteBuffer.wrap(d.bytes, 0, header), MessageSink.HEADER_ONLY);
                return;
            }
            deliver(conn, request, c, ByteBuffer.wrap(d.bytes, 0, (int) Math.min(d.bytes.length, c.ret)), 0);
        }

        private void deliver(Conn conn, boolean request, StraceCall c, ByteBuffer bytes, int flags) {
            long ts = c.entryNanos;
            if (request && c.durationNanos > 0) {
                ts += c.durationNanos;
            }
            sink.message(conn.index, request, c.line, ts, bytes, flags);
        }

        /**
         * A -y path as a connection's name shows it: the name goes into every message's JSON line,
         * and a hostile log could make the path as long as a line.
         */
        private static String shown(String fdPath) {
            return fdPath.length() <= MAX_SHOWN_PATH ? fdPath : fdPath.substring(0, MAX_SHOWN_PATH) + "…";
        }

        /** The connection of a FUSE fd, made on first use; null once {@link Limits#maxConnections()} exist. */
        private Conn conn(StraceCall c, long fd, String fdPath) {
            Conn conn = fuseFds.get(fd);
            if (conn == null && fuseFds.size() == limits.maxConnections()) {
                connectionsRefused++;
                return null;
            }
            if (conn == null) {
                // without -f strace prints no pid (0 here): the fd alone names the connection
                String id = (c.pid > 0 ? "pid " + c.pid + " " : "") + "fd " + fd + (fdPath != null ? " (" + shown(fdPath) + ")" : "");
                conn = new Conn(fuseFds.size(), id);
                fuseFds.put(fd, conn);
                sink.connection(conn.index, Protocol.FUSE, id);
            }
            return conn;
        }

        /** The bytes a call read or wrote: the string arguments, or the hex dump when strace cut those. */
        private record Data(byte[] bytes, boolean cut) {
        }

        private Data data(StraceCall c) {
            List<StraceCall.Bytes> parts;
            if (c.name.endsWith("v")) {
                parts = c.iovecs(1);
            } else {
                StraceCall.Bytes s = c.string(1);
                parts = s == null ? null : List.of(s);
            }
            boolean cut = parts == null || parts.stream().anyMatch(StraceCall.Bytes::cut);
            if (!cut) {
                ByteArrayBuilder all = new ByteArrayBuilder();
                for (StraceCall.Bytes p : parts) {
                    all.add(p.data());
                }
                if (all.size() >= c.ret) {
                    return new Data(all.toArray(), false);
                }
                cut = true;
            }
            ByteArrayBuilder dumped = new ByteArrayBuilder();
            boolean broken = false;
            for (ByteArrayBuilder b : dump) {
                dumped.add(b.toArray());
                broken |= b.broken;
            }
            if (!broken && dumped.size() >= c.ret) {
                return new Data(dumped.toArray(), false);
            }
            if (parts == null) {
                return null;
            }
            ByteArrayBuilder shown = new ByteArrayBuilder();
            for (StraceCall.Bytes p : parts) {
                shown.add(p.data());
                if (p.cut()) {
                    break;
                }
            }
            return new Data(shown.toArray(), true);
        }

        private void vmsplice(StraceCall c) {
            if (c.ret <= 0) {
                return;
            }
            List<StraceCall.Bytes> parts = c.iovecs(1);
            if (parts == null) {
                return;
            }
            // only the fuse_out_header (16 bytes) is used when the pipe is spliced into /dev/fuse
            ByteArrayBuilder header = new ByteArrayBuilder();
            for (StraceCall.Bytes p : parts) {
                header.add(p.data());
                if (header.size() >= 16) {
                    break;
                }
            }
            String key = pipeKey(c, 0);
            if (pipes.size() >= limits.maxPipes() && !pipes.containsKey(key)) {
                pipesDropped++;
                return;
            }
            pipes.put(key, java.util.Arrays.copyOf(header.toArray(), Math.min(16, header.size())));
        }

        /** splice(fd_in, off_in, fd_out, off_out, len, flags). */
        private void splice(StraceCall c) {
            String out = c.fdPath(2);
            String in = c.fdPath(0);
            boolean toFuse = out != null ? out.startsWith("/dev/fuse") : fuseFds.containsKey(c.fd(2));
            boolean fromFuse = in != null ? in.startsWith("/dev/fuse") : fuseFds.containsKey(c.fd(0));
            if (fromFuse && c.ret > 0) {
                splicedRequests++;
                return;
            }
            if (!toFuse || c.ret <= 0) {
                return;
            }
            byte[] header = pipes.remove(pipeKey(c, 0));
            if (header == null || header.length < 16) {
                sink.diagnostic(Diagnostic.warning(c.line, -1, "splice into /dev/fuse at line " + c.line
                        + " whose reply header was not seen; the reply is missing"));
                return;
            }
            Conn conn = conn(c, c.fd(2), out);
            if (conn == null) {
                return;
            }
            spliced++;
            long len = ByteBuffer.wrap(header, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt(0) & 0xFFFF_FFFFL;
            sink.diagnostic(Diagnostic.info(c.line, conn.index, "reply of " + len + " bytes written with splice"
                    + " (line " + c.line + "): only its 16-byte header was visible to strace"));
            sink.message(conn.index, false, c.line, c.entryNanos, ByteBuffer.wrap(header, 0, 16),
                    MessageSink.HEADER_ONLY);
        }

        /** Both ends of a pipe carry the same -y path ({@code pipe:[164105]}); without -y, one pipe per thread. */
        private static String pipeKey(StraceCall c, int arg) {
            String p = c.fdPath(arg);
            return p != null ? p : "pid " + c.pid;
        }

        private static boolean plausibleRequest(byte[] b, long ret) {
            if (b.length < 40 || ret < 40) {
                return false;
            }
            ByteBuffer bb = ByteBuffer.wrap(b);
            for (ByteOrder o : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                bb.order(o);
                long len = bb.getInt(0) & 0xFFFF_FFFFL;
                long opcode = bb.getInt(4) & 0xFFFF_FFFFL;
                if (len == ret && (opcode >= 1 && opcode <= 53 || opcode == 4096)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean plausibleReply(byte[] b, long ret) {
            if (b.length < 16 || ret < 16) {
                return false;
            }
            ByteBuffer bb = ByteBuffer.wrap(b);
            for (ByteOrder o : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                bb.order(o);
                long len = bb.getInt(0) & 0xFFFF_FFFFL;
                int error = bb.getInt(4);
                long unique = bb.getLong(8);
                boolean ok = unique == 0 ? error >= 1 && error <= 9 : error <= 0 && error > -4096;
                if (len == ret && ok) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A growable byte array. */
    private static final class ByteArrayBuilder {
        private byte[] b = new byte[64];
        private int n;
        boolean broken;

        void add(byte x) {
            if (n == b.length) {
                b = java.util.Arrays.copyOf(b, n * 2);
            }
            b[n++] = x;
        }

        void add(byte[] xs) {
            if (n + xs.length > b.length) {
                b = java.util.Arrays.copyOf(b, Math.max(n + xs.length, b.length * 2));
            }
            System.arraycopy(xs, 0, b, n, xs.length);
            n += xs.length;
        }

        int size() {
            return n;
        }

        byte[] toArray() {
            return java.util.Arrays.copyOf(b, n);
        }
    }
}
