package io.lookaside.capture;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One completed system call of an strace log, as far as FUSE traffic needs it:
 * <pre>
 * [PID] [TIME] NAME(ARGS) = RET [ERRNO (text)] [&lt;DURATION&gt;]
 * PID   = "12345 " (-f with -o) or "[pid 12345] " (-f on stderr)
 * TIME  = 1795248742.845291 (-ttt), 12:34:56.123456 (-tt) or 12:34:56 (-t)
 * ARGS  = fd[&lt;path&gt;] (-y, the path itself escaped with -xx), "string"[...] (C escapes, or
 *         \xHH for every byte with -xx; a trailing ... marks a string cut at the -s limit),
 *         [{iov_base="…", iov_len=N}, …] for readv/writev/vmsplice
 * </pre>
 * Split calls ({@code <unfinished ...>} … {@code <... NAME resumed>}) are joined before parsing.
 */
final class StraceCall {
    final long pid;
    final String name;
    final long entryNanos;
    final long durationNanos;
    final long line;
    /** The return value, or Long.MIN_VALUE for "?". */
    final long ret;
    /** Top-level arguments, raw text. */
    final List<String> args;

    private StraceCall(long pid, String name, long entryNanos, long durationNanos, long line, long ret,
            List<String> args) {
        this.pid = pid;
        this.name = name;
        this.entryNanos = entryNanos;
        this.durationNanos = durationNanos;
        this.line = line;
        this.ret = ret;
        this.args = args;
    }

    /**
     * Parses {@code NAME(ARGS) = RET …} (the part after pid and time), or returns null when the
     * text is not a complete call.
     */
    static StraceCall parse(long pid, long entryNanos, long line, String text) {
        int open = text.indexOf('(');
        if (open <= 0) {
            return null;
        }
        String name = text.substring(0, open);
        for (int k = 0; k < name.length(); k++) {
            char ch = name.charAt(k);
            if (!(Character.isLetterOrDigit(ch) || ch == '_')) {
                return null;
            }
        }
        List<String> args = new ArrayList<>();
        int close = splitArgs(text, open + 1, args);
        if (close < 0) {
            return null;
        }
        String rest = text.substring(close + 1).trim();
        if (!rest.startsWith("=")) {
            return null;
        }
        rest = rest.substring(1).trim();
        int sp = rest.indexOf(' ');
        String retText = sp < 0 ? rest : rest.substring(0, sp);
        long ret;
        if (retText.equals("?")) {
            ret = Long.MIN_VALUE;
        } else {
            try {
                ret = retText.startsWith("0x") ? Long.parseUnsignedLong(retText.substring(2), 16)
                        : Long.parseLong(retText);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        long duration = -1;
        int lt = rest.lastIndexOf('<');
        if (lt >= 0 && rest.endsWith(">")) {
            duration = seconds(rest.substring(lt + 1, rest.length() - 1));
        }
        return new StraceCall(pid, name, entryNanos, duration, line, ret, args);
    }

    /** Splits top-level comma-separated arguments from {@code from}; returns the closing paren index or -1. */
    private static int splitArgs(String s, int from, List<String> out) {
        int depth = 0;
        int start = from;
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                }
                continue;
            }
            switch (ch) {
                case '"' -> quoted = true;
                case '(', '[', '{', '<' -> depth++;
                case ']', '}', '>' -> depth--;
                case ')' -> {
                    if (depth == 0) {
                        String last = s.substring(start, i).trim();
                        if (!last.isEmpty() || !out.isEmpty()) {
                            out.add(last);
                        }
                        return i;
                    }
                    depth--;
                }
                case ',' -> {
                    if (depth == 0) {
                        out.add(s.substring(start, i).trim());
                        start = i + 1;
                    }
                }
                default -> {
                }
            }
        }
        return -1;
    }

    /** "0.000123" → nanoseconds, -1 when it is not a number. */
    static long seconds(String s) {
        int dot = s.indexOf('.');
        try {
            if (dot < 0) {
                return Long.parseLong(s) * 1_000_000_000L;
            }
            long sec = dot == 0 ? 0 : Long.parseLong(s.substring(0, dot));
            String frac = (s.substring(dot + 1) + "000000000").substring(0, 9);
            return sec * 1_000_000_000L + Long.parseLong(frac);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The fd number of argument {@code k}, or -1. */
    long fd(int k) {
        if (k >= args.size()) {
            return -1;
        }
        String a = args.get(k);
        int end = 0;
        while (end < a.length() && Character.isDigit(a.charAt(end))) {
            end++;
        }
        if (end == 0) {
            return -1;
        }
        return Long.parseLong(a.substring(0, Math.min(end, 18)));
    }

    /** The -y path of argument {@code k} ({@code 3</dev/fuse>} → {@code /dev/fuse}), unescaped, or null. */
    String fdPath(int k) {
        if (k >= args.size()) {
            return null;
        }
        String a = args.get(k);
        int lt = a.indexOf('<');
        if (lt < 0 || !a.endsWith(">")) {
            return null;
        }
        byte[] b = unescape(a, lt + 1, a.length() - 1);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A string argument: its bytes, and whether strace cut it at the -s limit. */
    record Bytes(byte[] data, boolean cut) {
    }

    /** The bytes of a string argument {@code "…"}, or null when argument {@code k} is not a string. */
    Bytes string(int k) {
        return k < args.size() ? literal(args.get(k)) : null;
    }

    /** The iov_base strings of an iovec array argument {@code [{iov_base="…", iov_len=N}, …]}, or null. */
    List<Bytes> iovecs(int k) {
        if (k >= args.size()) {
            return null;
        }
        String a = args.get(k);
        if (!a.startsWith("[")) {
            return null;
        }
        List<Bytes> out = new ArrayList<>();
        int at = 0;
        while ((at = a.indexOf("iov_base=", at)) >= 0) {
            at += "iov_base=".length();
            if (at >= a.length() || a.charAt(at) != '"') {
                return null;
            }
            int end = closingQuote(a, at);
            if (end < 0) {
                return null;
            }
            boolean cut = a.startsWith("...", end + 1);
            out.add(new Bytes(unescape(a, at + 1, end), cut));
            at = end + 1;
        }
        return out;
    }

    private static Bytes literal(String a) {
        if (!a.startsWith("\"")) {
            return null;
        }
        int end = closingQuote(a, 0);
        if (end < 0) {
            return null;
        }
        return new Bytes(unescape(a, 1, end), a.startsWith("...", end + 1));
    }

    private static int closingQuote(String a, int open) {
        for (int i = open + 1; i < a.length(); i++) {
            char ch = a.charAt(i);
            if (ch == '\\') {
                i++;
            } else if (ch == '"') {
                return i;
            }
        }
        return -1;
    }

    /** C string escapes as strace prints them: \xHH, \NNN octal, \n \t \r \v \f \a \b \\ \" \'. */
    static byte[] unescape(String s, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(16, (to - from) / 4));
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch != '\\' || i + 1 >= to) {
                out.write(ch);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'x' -> {
                    int v = 0;
                    int n = 0;
                    while (n < 2 && i + 1 < to && Character.digit(s.charAt(i + 1), 16) >= 0) {
                        v = v * 16 + Character.digit(s.charAt(++i), 16);
                        n++;
                    }
                    out.write(v);
                }
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case 'v' -> out.write(0x0B);
                case 'f' -> out.write('\f');
                case 'a' -> out.write(0x07);
                case 'b' -> out.write('\b');
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        int n = 1;
                        while (n < 3 && i + 1 < to && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '7') {
                            v = v * 8 + (s.charAt(++i) - '0');
                            n++;
                        }
                        out.write(v);
                    } else {
                        out.write(e);
                    }
                }
            }
        }
        return out.toByteArray();
    }
}
