package io.lookaside.app.live;

import io.lookaside.capture.live.LiveCounters;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * The counters of a capture under way as a person reads them: messages, the message rate over
 * the last few seconds, bytes, and libpcap's two drop counters, which are named even when they
 * are 0 (a capture that lost nothing should say so). Pure: fed one snapshot's figures at a time.
 */
final class LiveFigures {
    /** The rate is over this much of the recent past: steady enough to read, quick to follow a change. */
    static final Duration RATE_WINDOW = Duration.ofSeconds(3);

    private record Point(long nanos, long messages) {
    }

    private final ArrayDeque<Point> recent = new ArrayDeque<>();

    /** Adds a snapshot's figures; {@code elapsed} grows from one call to the next. */
    void add(Duration elapsed, long messages) {
        long t = elapsed.toNanos();
        recent.addLast(new Point(t, messages));
        while (recent.size() > 2 && t - recent.peekFirst().nanos() > RATE_WINDOW.toNanos()) {
            recent.removeFirst();
        }
    }

    /** Messages a second over the last {@link #RATE_WINDOW}, or 0 before two snapshots. */
    double rate() {
        if (recent.size() < 2) {
            return 0;
        }
        Point first = recent.peekFirst();
        Point last = recent.peekLast();
        long dt = last.nanos() - first.nanos();
        return dt <= 0 ? 0 : (last.messages() - first.messages()) * 1e9 / dt;
    }

    /** "Messages: 12 345 · 4 120/s · 3.2 MB · dropped: 0 (libpcap), 0 (interface)". */
    static String counters(long messages, double rate, LiveCounters c) {
        return "Messages: " + count(messages) + " · " + count(Math.round(rate)) + "/s · " + bytes(c.bytes()) + " · " + drops(c);
    }

    /** libpcap's ps_drop and ps_ifdrop in words; a source that cannot tell says so. */
    static String drops(LiveCounters c) {
        if (c.dropped() < 0 && c.ifDropped() < 0) {
            return "drops: not counted by this source";
        }
        return "dropped: " + count(c.dropped()) + " (libpcap), " + count(c.ifDropped()) + " (interface)";
    }

    /** The line shown once the capture ended: what was kept, where, and why it ended. */
    static String summary(String where, long messages, Duration elapsed, LiveCounters c, String endReason) {
        double seconds = elapsed.toNanos() / 1e9;
        // LiveSession's words: "stopped", "10 s elapsed", "1000 messages captured", "interface tap0 went away".
        String ended = endReason == null ? "stopped" : endReason;
        long rate = seconds > 0 ? Math.round(messages / seconds) : 0;
        return "Captured on " + where + ": " + count(messages) + " messages in "
                + String.format(Locale.ROOT, "%.1f s", seconds) + " (" + count(rate) + "/s), " + count(c.records())
                + " packets, " + bytes(c.bytes()) + "; " + drops(c) + "; " + ended;
    }

    private static String count(long n) {
        // Grouped with spaces, as the status bar's other counts: "12 345".
        return n < 0 ? "unknown" : String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }

    static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        if (b < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
        }
        if (b < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", b / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GiB", b / (1024.0 * 1024 * 1024));
    }
}
