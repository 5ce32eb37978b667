package io.lookaside.capture;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lines of a text input (ISO-8859-1: one char per byte, any bytes), ended by {@code \n},
 * {@code \r} or {@code \r\n} as {@link java.io.BufferedReader#readLine()} ends them, but never
 * longer than a bound: an input without line breaks must not become one string the size of
 * the file. A longer line is read past, not kept, and comes back as an empty line, so line
 * numbers stay those of the file; {@link #overlong()} counts such lines.
 */
final class LineReader implements Closeable {
    private final InputStream in;
    private final int maxLine;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private byte[] line = new byte[256];
    private boolean skipLf;
    private long lines;
    private long overlong;
    private long firstOverlong;

    LineReader(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /** The next line without its terminator, "" for a line over the bound, or null at the end. */
    String next() throws IOException {
        int n = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == end && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            any = true;
            int start = pos;
            while (pos < end && buf[pos] != '\n' && buf[pos] != '\r') {
                pos++;
            }
            int k = pos - start;
            if (!tooLong && n + k > maxLine) {
                tooLong = true;
            }
            if (!tooLong) {
                if (n + k > line.length) {
                    line = Arrays.copyOf(line, (int) Math.min(maxLine, Math.max(n + k, 2L * line.length)));
                }
                System.arraycopy(buf, start, line, n, k);
                n += k;
            }
            if (pos < end) {
                skipLf = buf[pos] == '\r';
                pos++;
                break;
            }
        }
        lines++;
        if (tooLong) {
            if (overlong++ == 0) {
                firstOverlong = lines;
            }
            return "";
        }
        String s = new String(line, 0, n, StandardCharsets.ISO_8859_1);
        if (line.length > 1 << 20) {
            line = new byte[256]; // do not keep a long line's buffer for the rest of the file
        }
        return s;
    }

    private boolean fill() throws IOException {
        int k = in.read(buf);
        if (k <= 0) {
            return false;
        }
        pos = 0;
        end = k;
        return true;
    }

    /**
     * Hands every line of {@code input} to {@code decoder}, as the offline text readers (QEMU
     * trace, tracefs, strace) all do: progress every 4096 lines, a warning naming the lines over
     * the bound ({@code bound} says it in the source's own unit, {@code advice} what to do, may be
     * empty), and a read error ends the input with a warning and a truncated sink. Returns the
     * lines read; the decoder is not finished.
     */
    static long decodeAll(InputFiles.Counted input, int maxLine, LineDecoder decoder, MessageSink sink,
            LoadMonitor monitor, String bound, String advice) {
        long lineNo = 0;
        try (LineReader in = new LineReader(input.in(), maxLine)) {
            String line;
            while ((line = in.next()) != null && !monitor.cancelled()) {
                lineNo++;
                decoder.line(line);
                if ((lineNo & 4095) == 0) {
                    monitor.progress(input.consumed(), input.total());
                }
            }
            if (in.overlong() > 0) {
                sink.diagnostic(Diagnostic.warning(in.firstOverlong(), -1, in.overlong() + " lines longer than " + bound
                        + " were skipped (first: line " + in.firstOverlong() + ")" + advice));
            }
        } catch (IOException e) {
            sink.diagnostic(Diagnostic.warning(lineNo, -1, "reading stopped at line " + lineNo + ": " + e.getMessage()));
            sink.truncated();
        }
        return lineNo;
    }

    /** Lines longer than the bound, read past and returned empty. */
    long overlong() {
        return overlong;
    }

    /** The 1-based number of the first such line, or 0. */
    long firstOverlong() {
        return firstOverlong;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
