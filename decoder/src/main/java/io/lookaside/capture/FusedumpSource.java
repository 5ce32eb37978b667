package io.lookaside.capture;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a fusedump file: the FUSE traffic glusterfs writes with {@code --dump-fuse=PATH}
 * (xlators/mount/fuse/src/fuse-bridge.c), also made by tools that rebuild it from strace.
 * Host byte order throughout.
 * <pre>
 * v1 record: dir[1] message            dir 'R' = request the daemon read, 'W' = reply or notification it wrote
 * v2 record: dir[1] nitems[4] item × nitems
 *            item: len[4] (counting itself) data; first {16, sec[8], nsec[4]} CLOCK_REALTIME,
 *            then e.g. a signature {len, "GLUSTER\xf5"}; the last item is the FUSE message,
 *            whose own len field is the item length
 * </pre>
 * The version and byte order are told by the first record (nitems &lt; 16 in v2; a message is
 * at least 16 bytes). One file is one FUSE connection, named {@code fusedump}.
 */
public final class FusedumpSource implements CaptureSource {
    /** v2 files carry a handful of items; glusterfs writes 3. */
    static final int MAX_ITEMS = 16;
    /** Larger than any FUSE message (max_pages 256 → 1 MiB + headers); a bigger length means corruption. */
    static final int MAX_MESSAGE = 64 << 20;
    private static final int MAX_ITEM = 1 << 16;

    private final Path path;

    public FusedumpSource(Path path) {
        this.path = path;
    }

    /** How a fusedump frames its records, told by the first record; null when it is not a fusedump. */
    record Layout(int version, ByteOrder order) {
        static Layout of(byte[] head, int at) {
            if (head.length - at < 5 || (head[at] != 'R' && head[at] != 'W')) {
                return null;
            }
            ByteBuffer b = ByteBuffer.wrap(head, at + 1, 4);
            long le = b.order(ByteOrder.LITTLE_ENDIAN).getInt(at + 1) & 0xFFFF_FFFFL;
            long be = b.order(ByteOrder.BIG_ENDIAN).getInt(at + 1) & 0xFFFF_FFFFL;
            if (le >= 1 && le < MAX_ITEMS) {
                return new Layout(2, ByteOrder.LITTLE_ENDIAN);
            }
            if (be >= 1 && be < MAX_ITEMS) {
                return new Layout(2, ByteOrder.BIG_ENDIAN);
            }
            if (le >= 16 && le <= MAX_MESSAGE) {
                return new Layout(1, ByteOrder.LITTLE_ENDIAN);
            }
            if (be >= 16 && be <= MAX_MESSAGE) {
                return new Layout(1, ByteOrder.BIG_ENDIAN);
            }
            return null;
        }
    }

    /**
     * True when {@code head} (the first bytes of a file) frames as fusedump records: the first
     * record, and the next ones as far as {@code head} reaches, have a direction byte, sane
     * item lengths and a FUSE message of at least 16 bytes.
     */
    static boolean looksLike(byte[] head) {
        Layout layout = Layout.of(head, 0);
        if (layout == null) {
            return false;
        }
        ByteBuffer b = ByteBuffer.wrap(head).order(layout.order());
        int at = 0;
        int records = 0;
        while (at < head.length && records < 64) {
            if (head[at] != 'R' && head[at] != 'W') {
                return false;
            }
            int p = at + 1;
            long items = 1;
            if (layout.version() == 2) {
                if (p + 4 > head.length) {
                    break;
                }
                items = b.getInt(p) & 0xFFFF_FFFFL;
                if (items < 1 || items >= MAX_ITEMS) {
                    return false;
                }
                p += 4;
            }
            for (long k = 0; k < items && p + 4 <= head.length; k++) {
                long len = b.getInt(p) & 0xFFFF_FFFFL;
                boolean last = k == items - 1;
                if (len < (last ? 16 : 4) || len > (last ? MAX_MESSAGE : MAX_ITEM)) {
                    return false;
                }
                p += (int) Math.min(len, Integer.MAX_VALUE - p);
            }
            records++;
            at = p;
        }
        return records > 0;
    }

    @Override
    public void read(MessageSink sink, LoadMonitor monitor) throws CaptureException {
        InputFiles.Counted input = InputFiles.openCounted(path);
        try (InputStream in = input.in()) {
            new Reader(in, sink).run(input, monitor);
        } catch (IOException e) {
            throw InputFiles.unreadable(path, e);
        }
    }

    /** One pass over the records. */
    private final class Reader {
        private final InputStream in;
        private final MessageSink sink;
        private Layout layout;
        private long offset;
        private long record;
        private byte[] buf = new byte[1 << 16];
        private String signature;
        private long delivered;

        Reader(InputStream in, MessageSink sink) {
            this.in = in;
            this.sink = sink;
        }

        void run(InputFiles.Counted input, LoadMonitor monitor) throws CaptureException {
            try {
                while (!monitor.cancelled()) {
                    long start = offset;
                    int dir = in.read();
                    if (dir < 0) {
                        break;
                    }
                    offset++;
                    record++;
                    if (!record(dir, start)) {
                        break;
                    }
                    if ((record & 1023) == 0) {
                        monitor.progress(input.consumed(), input.total());
                    }
                }
                monitor.progress(input.consumed(), input.total());
            } catch (EOFException e) {
                sink.diagnostic(Diagnostic.warning(record, 0, "the fusedump ends inside record " + record
                        + " (byte " + offset + "); everything before it was read"));
                sink.truncated();
            } catch (IOException e) {
                // a damaged gzip stream: keep what was read
                sink.diagnostic(Diagnostic.warning(record, 0, "reading stopped at record " + record + " (byte "
                        + offset + "): " + e.getMessage()));
                sink.truncated();
            }
            if (record == 0 && layout == null) {
                throw new CaptureException(path + ": empty fusedump file");
            }
        }

        /** Reads one record after its direction byte; false when the input cannot be framed further. */
        private boolean record(int dir, long start) throws IOException, CaptureException {
            if (dir != 'R' && dir != 'W') {
                return corrupt(start, "direction byte 0x" + Integer.toHexString(dir) + " is neither 'R' nor 'W'");
            }
            byte[] first = readN(4);
            if (layout == null) {
                layout = Layout.of(new byte[] {(byte) dir, first[0], first[1], first[2], first[3]}, 0);
                if (layout == null) {
                    throw new CaptureException(path + ": not a fusedump file (the first record does not frame)");
                }
                sink.connection(0, Protocol.FUSE, "fusedump");
                if (layout.version() == 1) {
                    sink.diagnostic(Diagnostic.info(0, 0, "fusedump v1: records carry no timestamps"));
                }
            }
            long ts = 0;
            ByteBuffer msg;
            if (layout.version() == 1) {
                msg = message(first, start);
            } else {
                long nitems = u32(first, 0);
                if (nitems < 1 || nitems >= MAX_ITEMS) {
                    return corrupt(start, "item count " + nitems + " is outside 1..15");
                }
                msg = null;
                for (long k = 0; k < nitems; k++) {
                    byte[] lenBytes = readN(4);
                    if (k == nitems - 1) {
                        msg = message(lenBytes, start);
                        break;
                    }
                    long itemLen = u32(lenBytes, 0);
                    if (itemLen < 4 || itemLen > MAX_ITEM) {
                        return corrupt(start, "item " + k + " has length " + itemLen);
                    }
                    byte[] item = readN((int) itemLen - 4);
                    if (k == 0 && itemLen == 16) {
                        ByteBuffer t = ByteBuffer.wrap(item).order(layout.order());
                        ts = t.getLong(0) * 1_000_000_000L + (t.getInt(8) & 0xFFFF_FFFFL);
                    } else if (signature == null) {
                        signature = new String(item, StandardCharsets.ISO_8859_1);
                        sink.diagnostic(Diagnostic.info(0, 0, "fusedump v2, signature \"" + printable(item) + "\""
                                + (signature.startsWith("GLUSTER") ? " (written by glusterfs)"
                                        : signature.startsWith("STRA") ? " (rebuilt from strace output)" : "")));
                    }
                }
            }
            if (msg == null) {
                return false;
            }
            sink.message(0, dir == 'R', record, ts, msg, 0);
            delivered++;
            return true;
        }

        /** The FUSE message whose first four bytes (its len) were already read. */
        private ByteBuffer message(byte[] lenBytes, long start) throws IOException, CaptureException {
            long len = u32(lenBytes, 0);
            if (len < 16 || len > MAX_MESSAGE) {
                corrupt(start, "message length " + len + " is outside 16.." + MAX_MESSAGE);
                return null;
            }
            int n = (int) len;
            System.arraycopy(lenBytes, 0, buf, 0, 4);
            // The buffer grows with the bytes that arrive, never ahead of them: a corrupt length
            // at the end of a file must not allocate 64 MiB.
            for (int got = 4; got < n; ) {
                if (got == buf.length) {
                    buf = Arrays.copyOf(buf, (int) Math.min(n, 2L * buf.length));
                }
                int k = Math.min(n, buf.length) - got;
                readInto(buf, got, k);
                got += k;
            }
            return ByteBuffer.wrap(buf, 0, n);
        }

        private boolean corrupt(long start, String why) throws CaptureException {
            if (delivered == 0) {
                throw new CaptureException(path + ": not a fusedump file (record 1: " + why + ")");
            }
            sink.diagnostic(Diagnostic.warning(record, 0, "fusedump record " + record + " at byte " + start + ": "
                    + why + "; the rest of the file cannot be framed and was not read"));
            return false;
        }

        private byte[] readN(int n) throws IOException {
            byte[] b = new byte[n];
            readInto(b, 0, n);
            return b;
        }

        private void readInto(byte[] b, int off, int n) throws IOException {
            int got = in.readNBytes(b, off, n);
            offset += got;
            if (got < n) {
                throw new EOFException();
            }
        }

        private long u32(byte[] b, int at) {
            return ByteBuffer.wrap(b).order(layout == null ? ByteOrder.LITTLE_ENDIAN : layout.order()).getInt(at)
                    & 0xFFFF_FFFFL;
        }
    }

    /** At most this many signature bytes are shown: real ones are 8 ("GLUSTER\xf5", "STRA\xce"). */
    private static final int SHOWN_SIGNATURE = 32;

    private static String printable(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(b.length, SHOWN_SIGNATURE); i++) {
            int c = b[i] & 0xFF;
            if (c >= 0x20 && c < 0x7F) {
                s.append((char) c);
            } else {
                s.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            }
        }
        return b.length > SHOWN_SIGNATURE ? s + "…" : s.toString();
    }
}
