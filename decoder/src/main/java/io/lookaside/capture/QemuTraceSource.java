package io.lookaside.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads QEMU's virtio-9p trace events ({@code -trace 'v9fs_*'}, hw/9pfs/trace-events) as
 * written by QEMU's "log" trace backend to {@code -D FILE}; with {@code -msg timestamp=on}
 * each line is {@code TID@SECONDS.MICROS:v9fs_EVENT FIELDS}:
 * <pre>
 * 4242@1765150000.123456:v9fs_getattr tag 1 id 24 fid 1 request_mask 2047
 * 4242@1765150000.123502:v9fs_getattr_return tag 1 id 24 getattr={result_mask 2047 mode 16877 uid 0 gid 0}
 * 4242@1765150000.123600:v9fs_rerror tag 2 id 110 err 2
 * </pre>
 * A request event ({@code v9fs_walk}, {@code v9fs_open}, …) carries the tag and the T type
 * ({@code id}) and some fields; a {@code _return} event the same tag and T type for the reply
 * (type id + 1); {@code v9fs_rerror} an error reply (Rlerror for 9P2000.L, else Rerror). Each
 * becomes one 9P message: header {@code size[4] type[1] tag[2]}, plus the body when the event
 * names every wire field of it (Tgetattr, Tclunk, Tread, Rlopen, Rwrite, Rlerror, …). The
 * others are delivered header-only and flagged {@link MessageSink#SYNTHETIC_HEADER} (size not
 * captured: it is that of the fields known). QEMU traces no reply for Tclunk, Tfsync, Tflush,
 * Tremove, Tlink, Twstat and Txattrcreate unless they fail: once their tag is used again such a
 * reply is added, header-only, synthetic, at the request's time. No event at all for Tstatfs,
 * Trename, Trenameat, Tunlinkat and Tauth (their errors still show as replies without request).
 *
 * <p>The log names no device, so all events are one conversation; the times are those at
 * which QEMU handled the message (host wall clock), not the guest's. Without
 * {@code -msg timestamp=on} lines carry no time; they are read with time 0 and a diagnostic.
 */
public final class QemuTraceSource implements CaptureSource {
    /** {@code [TID@SECONDS.MICROS:]v9fs_EVENT FIELDS}. */
    private static final Pattern LINE = Pattern.compile(
            "^(?:(\\d+)@(\\d{1,10})\\.(\\d{1,9}):)?(v9fs_[a-z_]+) (.*)$");
    private static final Pattern TAG_ID = Pattern.compile("^tag[ =](\\d+),? id[ =](\\d+)\\b\\s*(.*)$");
    /** Trace lines are under 300 characters, a readlink target or name up to PATH_MAX more. */
    static final int MAX_LINE = 16 << 10;
    private static final int RLERROR = 7;
    /** Requests whose successful reply QEMU 7.2 does not trace: Tfsync, Tlink, Tflush, Tclunk, Tremove, Twstat, Txattrcreate. */
    private static final java.util.Set<Integer> UNTRACED_REPLY = java.util.Set.of(50, 70, 108, 120, 122, 126, 32);
    private static final int RERROR = 107;

    private final Path path;

    public QemuTraceSource(Path path) {
        this.path = path;
    }

    /** True when {@code text} holds v9fs trace event lines. */
    static boolean looksLike(String text) {
        for (String line : text.split("\n", 2000)) {
            Matcher m = LINE.matcher(line.strip());
            if (m.matches() && TAG_ID.matcher(m.group(5)).matches()) {
                return true;
            }
        }
        return false;
    }

    /** A decoder of trace lines that delivers to {@code sink}, for a log read as it grows. */
    public static LineDecoder lines(MessageSink sink) {
        return new Reader(sink);
    }

    @Override
    public void read(MessageSink sink, LoadMonitor monitor) throws CaptureException {
        Reader r = new Reader(sink);
        InputFiles.Counted input = InputFiles.openCounted(path);
        LineReader.decodeAll(input, MAX_LINE, r, sink, monitor, (MAX_LINE >> 10) + " KiB", "");
        monitor.progress(input.consumed(), input.total());
        r.finish();
        if (r.events == 0) {
            throw new CaptureException(path + ": no v9fs_* trace event lines found (QEMU -trace 'v9fs_*')");
        }
    }

    /** What the diagnostic says this source lacks; README says the same. */
    static final String LACKS = "QEMU virtio-9p trace: type, tag, fid, offsets, counts, qids and errors as QEMU"
            + " handled them (host time, not the guest's); no walk names (QEMU 7.2), no read/write/readdir data,"
            + " no Rgetattr/Rwalk bodies; no reply traced for clunk, fsync, flush, remove, link, wstat and"
            + " xattrcreate unless they fail; statfs, rename(at), unlinkat and auth are not traced at all";

    private static final class Reader implements LineDecoder {
        private final MessageSink sink;
        private long lineNo;
        long events;
        private long untimed;
        private long unparsed;
        private long cancelled;
        private long synthesized;
        private boolean opened;
        /** tag → {type, line, time} of a request whose success QEMU does not trace. */
        private final java.util.Map<Integer, long[]> untracedPending = new java.util.HashMap<>();
        /** 9P2000.L unless a version exchange says otherwise: decides Rlerror or Rerror. */
        private boolean dotL = true;
        private String version = "9P2000.L";
        /** One body buffer for all events: a name is at most a line long. */
        private final ByteBuffer body = ByteBuffer.allocate(MAX_LINE + 64).order(ByteOrder.LITTLE_ENDIAN);

        Reader(MessageSink sink) {
            this.sink = sink;
        }

        @Override
        public long recognised() {
            return events;
        }

        @Override
        public void line(String raw) {
            lineNo++;
            Matcher m = LINE.matcher(raw);
            if (!m.matches()) {
                if (raw.contains("v9fs_")) {
                    unparsed++;
                }
                return;
            }
            Matcher t = TAG_ID.matcher(m.group(5));
            if (!t.matches()) {
                unparsed++;
                return;
            }
            int tag;
            int id;
            try {
                tag = Integer.parseInt(t.group(1));
                id = Integer.parseInt(t.group(2));
            } catch (NumberFormatException e) {
                unparsed++;
                return;
            }
            if (tag > 0xFFFF || id > 0xFF) {
                unparsed++;
                return;
            }
            long ts = 0;
            if (m.group(2) != null) {
                ts = TracefsSource.nanos(m.group(2), m.group(3));
            } else {
                untimed++;
            }
            String event = m.group(4).substring("v9fs_".length());
            Fields f = new Fields(t.group(3));
            Built b;
            try {
                b = build(event, id, tag, f);
            } catch (RuntimeException e) {
                b = null; // a field that does not parse: the event is counted as unreadable
            }
            if (b == null) {
                if (event.equals("rcancel")) {
                    cancelled++;
                } else {
                    unparsed++;
                }
                return;
            }
            if (!opened) {
                opened = true;
                sink.connection(0, Protocol.NINEP, "virtio-9p (QEMU trace)");
                // said at the first event, so that a live view shows it from the start
                sink.diagnostic(Diagnostic.info(0, -1, LACKS));
            }
            events++;
            b.body.flip();
            ByteBuffer msg = ByteBuffer.allocate(7 + b.body.remaining()).order(ByteOrder.LITTLE_ENDIAN);
            boolean sized = b.size >= 7 && b.size <= 0xFFFFFFFFL;
            msg.putInt(sized ? (int) b.size : 7 + b.body.remaining());
            msg.put((byte) b.type).putShort((short) tag).put(b.body).flip();
            int flags = b.full ? 0 : sized ? MessageSink.HEADER_ONLY : MessageSink.HEADER_ONLY | MessageSink.SYNTHETIC_HEADER;
            boolean request = (b.type & 1) == 0;
            if (request) {
                if (b.type == 100) {
                    untracedPending.clear(); // Tversion abandons everything outstanding
                }
                answerUntraced(tag);
                if (UNTRACED_REPLY.contains(b.type)) {
                    untracedPending.put(tag, new long[] {b.type, lineNo, ts});
                }
            } else {
                untracedPending.remove(tag);
            }
            sink.message(0, request, lineNo, ts, msg, flags);
        }

        /**
         * QEMU traces no reply for some requests (clunk, …) when they succeed. Once the guest uses
         * their tag again, QEMU has answered them: their reply is added then, header-only and
         * flagged synthetic, at the request's own time (the real one is not in the log), so that
         * the tag's reuse is no protocol error.
         */
        private void answerUntraced(int tag) {
            long[] open = untracedPending.remove(tag);
            if (open != null) {
                ByteBuffer reply = ByteBuffer.allocate(7).order(ByteOrder.LITTLE_ENDIAN);
                reply.putInt(7).put((byte) (open[0] + 1)).putShort((short) tag).flip();
                sink.message(0, false, open[1], open[2], reply, MessageSink.HEADER_ONLY | MessageSink.SYNTHETIC_HEADER);
                synthesized++;
            }
        }

        /** Tversion and Rversion alike: msize[4] version[s]; the version decides Rlerror or Rerror from now on. */
        private void version(ByteBuffer o, Fields f) {
            o.putInt((int) f.num("msize"));
            String v = f.rest("version");
            str(o, v);
            version = v;
            dotL = v.equals("9P2000.L");
        }

        /** The message an event stands for: its type, the body fields known, whether that is all of the body. */
        private Built build(String event, int id, int tag, Fields f) {
            boolean ret = event.endsWith("_return");
            String op = ret ? event.substring(0, event.length() - "_return".length()) : event;
            if (op.equals("rerror")) {
                Built b = new Built(dotL ? RLERROR : RERROR, dotL, body);
                if (dotL) {
                    b.body.putInt((int) f.num("err"));
                }
                return b;
            }
            if (op.equals("rcancel")) {
                return null;
            }
            int type = ret ? id + 1 : id;
            Built b = new Built(type, true, body);
            ByteBuffer o = b.body;
            if (!ret) {
                switch (op) {
                    case "version" -> version(o, f);
                    case "attach" -> {
                        o.putInt((int) f.num("fid")).putInt((int) f.num("afid"));
                        str(o, f.word("uname"));
                        str(o, f.rest("aname"));
                        b.full = version.equals("9P2000"); // .u and .L add n_uname[4], which is not traced
                    }
                    case "stat", "clunk", "remove", "readlink" -> o.putInt((int) f.num("fid"));
                    case "getattr" -> o.putInt((int) f.num("fid")).putLong(f.num("request_mask"));
                    case "walk" -> {
                        o.putInt((int) f.num("fid")).putInt((int) f.num("newfid"));
                        int n = (int) f.num("nwnames");
                        o.putShort((short) n);
                        b.full = n == 0; // the names are not traced
                    }
                    case "open" -> {
                        o.putInt((int) f.num("fid"));
                        if (id == 112) {
                            o.put((byte) f.num("mode")); // Topen: mode[1]
                        } else {
                            o.putInt((int) f.num("mode")); // Tlopen: flags[4]
                        }
                    }
                    case "lcreate" -> b.full = false; // the name is not traced
                    case "fsync" -> o.putInt((int) f.num("fid")).putInt((int) f.num("datasync"));
                    case "read" -> o.putInt((int) f.num("fid")).putLong(f.num("off")).putInt((int) f.num("max_count"));
                    case "readdir" -> o.putInt((int) f.num("fid")).putLong(f.num("offset"))
                            .putInt((int) f.num("max_count"));
                    case "write" -> {
                        b.size = 23 + f.num("count"); // fid[4] offset[8] count[4] data[count]
                        b.full = false; // the data is not traced
                    }
                    case "flush" -> o.putShort((short) f.num("flush_tag"));
                    case "link" -> {
                        o.putInt((int) f.num("dfid")).putInt((int) f.num("oldfid"));
                        str(o, f.rest("name"));
                    }
                    case "xattrwalk" -> {
                        o.putInt((int) f.num("fid")).putInt((int) f.num("newfid"));
                        str(o, f.rest("name"));
                    }
                    case "xattrcreate" -> {
                        String rest = f.text;
                        Matcher x = pattern("^fid (-?\\d+) name (.*) size (\\d+) flags (-?\\d+)$").matcher(rest);
                        if (!x.matches()) {
                            throw new IllegalArgumentException(rest);
                        }
                        o.putInt(Integer.parseInt(x.group(1)));
                        str(o, x.group(2));
                        o.putLong(Long.parseUnsignedLong(x.group(3))).putInt(Integer.parseInt(x.group(4)));
                    }
                    case "mkdir" -> {
                        Matcher x = pattern("^fid (-?\\d+) name (.*) mode (-?\\d+) gid (\\d+)$").matcher(f.text);
                        if (!x.matches()) {
                            throw new IllegalArgumentException(f.text);
                        }
                        o.putInt(Integer.parseInt(x.group(1)));
                        str(o, x.group(2));
                        o.putInt(Integer.parseInt(x.group(3))).putInt((int) Long.parseLong(x.group(4)));
                    }
                    case "symlink" -> {
                        Matcher x = pattern("^fid (-?\\d+) name (.*) symname (.*) gid (\\d+)$").matcher(f.text);
                        if (!x.matches()) {
                            throw new IllegalArgumentException(f.text);
                        }
                        o.putInt(Integer.parseInt(x.group(1)));
                        str(o, x.group(2));
                        str(o, x.group(3));
                        o.putInt((int) Long.parseLong(x.group(4)));
                    }
                    // the remaining request events lack a wire field (names, nanoseconds, lock owner)
                    default -> b.full = false;
                }
                if (!b.full) {
                    o.clear(); // header only: no partial body the decoder would misread
                }
                return b;
            }
            switch (op) {
                case "version" -> version(o, f);
                case "attach" -> qid(o, f.num("type"), f.num("version"), f.num("path"));
                case "open", "lcreate", "create" -> {
                    qid(o, f.num("type"), f.num("version"), f.num("path"));
                    o.putInt((int) f.num("iounit"));
                }
                case "mkdir", "symlink", "mknod" -> qid(o, f.num("type"), f.num("version"), f.num("path"));
                case "write" -> o.putInt((int) f.num("total"));
                case "readlink" -> str(o, f.rest("name"));
                case "xattrwalk" -> o.putLong(f.num("size"));
                case "lock" -> o.put((byte) f.num("status"));
                case "setattr" -> {
                    // Rsetattr has no body
                }
                case "walk" -> {
                    int n = (int) f.num("nwnames");
                    o.putShort((short) n);
                    b.full = n == 0; // the qids are not traced (a pointer)
                }
                case "read" -> {
                    b.size = f.num("err"); // QEMU traces the reply's whole length as "err"
                    b.full = false; // the data is not traced
                }
                case "readdir" -> {
                    b.size = f.num("retval"); // the reply's whole length
                    b.full = false;
                }
                // Rgetattr, Rstat, Rgetlock: fields missing
                default -> b.full = false;
            }
            if (!b.full) {
                o.clear();
            }
            return b;
        }

        @Override
        public void finish() {
            if (unparsed > 0) {
                sink.diagnostic(Diagnostic.warning(0, -1, unparsed + " v9fs trace lines could not be read"));
            }
            if (cancelled > 0) {
                sink.diagnostic(Diagnostic.info(0, -1, cancelled + " requests were cancelled by a flush"
                        + " (v9fs_rcancel): QEMU sent no reply for them"));
            }
            if (untimed > 0) {
                sink.diagnostic(Diagnostic.warning(0, -1, untimed + " trace lines carry no time: run QEMU with"
                        + " -msg timestamp=on so that the log backend prefixes TID@SECONDS.MICROS"));
            }
            if (synthesized > 0) {
                sink.diagnostic(Diagnostic.info(0, -1, synthesized + " replies that QEMU does not trace (clunk,"
                        + " fsync, flush, remove, link, wstat, xattrcreate) were added header-only at their"
                        + " request's time once the tag was used again: they count as answered, their wait is not"
                        + " measured"));
            }
        }
    }

    /** A message being built: its type, its body so far, and whether the body is complete. */
    private static final class Built {
        final int type;
        final ByteBuffer body;
        boolean full;
        /** The wire size when the event tells it although the body is not all there (Rread, Twrite), else -1. */
        long size = -1;

        Built(int type, boolean full, ByteBuffer body) {
            this.type = type;
            this.full = full;
            this.body = body.clear();
        }
    }

    private static void qid(ByteBuffer o, long type, long version, long path) {
        o.put((byte) type).putInt((int) version).putLong(path);
    }

    private static void str(ByteBuffer o, String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1); // the log's bytes as QEMU printed them
        int n = Math.min(b.length, 0xFFFF);
        o.putShort((short) n).put(b, 0, n);
    }

    private static final java.util.Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Pattern pattern(String regex) {
        return PATTERNS.computeIfAbsent(regex, Pattern::compile);
    }

    /** The fields after "tag T id I": "name value" pairs, some inside {braces}. */
    private static final class Fields {
        final String text;

        Fields(String text) {
            this.text = text;
        }

        /** The number after "NAME " or "NAME=" (decimal, signed or unsigned 64-bit). */
        long num(String name) {
            Matcher m = pattern("(?:^|[\\s{])" + name + "[ =](-?\\d+)").matcher(text);
            if (!m.find()) {
                throw new IllegalArgumentException("no " + name);
            }
            String v = m.group(1);
            return v.startsWith("-") ? Long.parseLong(v) : Long.parseUnsignedLong(v);
        }

        /** The word after "NAME ". */
        String word(String name) {
            Matcher m = pattern("(?:^|\\s)" + name + " (\\S*)").matcher(text);
            if (!m.find()) {
                throw new IllegalArgumentException("no " + name);
            }
            return m.group(1);
        }

        /** Everything after "NAME " to the end of the line (a last field that may hold spaces). */
        String rest(String name) {
            Matcher m = pattern("(?:^|\\s)" + name + " (.*)$").matcher(text);
            if (!m.find()) {
                throw new IllegalArgumentException("no " + name);
            }
            return m.group(1);
        }
    }
}
