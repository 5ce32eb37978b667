package io.lookaside.app.messages;

import io.lookaside.capture.Protocol;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;

/**
 * How a message reads in the table's columns, straight from the session's columns (no decode).
 * Source and destination follow the message: a connection id is {@code client>server}, so a
 * request goes from the client to the server and a reply comes back, as in Wireshark.
 */
final class MessageRows {
    private MessageRows() {
    }

    static String frame(Session s, int i) {
        return Long.toString(s.frame(i));
    }

    /** Seconds since the first message, with microseconds, like Wireshark's default time column. */
    static String time(Session s, int i) {
        return seconds(s.tsNanos(i) - s.tsNanos(0));
    }

    static String source(Session s, int i) {
        return endpoint(s, i, s.direction(i) == Direction.REQUEST ? 0 : 1);
    }

    /** Replies and FUSE notifications travel back to the side that sends requests. */
    static String destination(Session s, int i) {
        return endpoint(s, i, s.direction(i) == Direction.REQUEST ? 1 : 0);
    }

    /** The dialect for 9P ({@code 9P2000.L}), {@code FUSE 7.31} for FUSE. */
    static String protocol(Session s, int i) {
        String d = s.dialect(i);
        return s.connection(i).protocol() == Protocol.FUSE ? "FUSE " + d : d;
    }

    static String length(Session s, int i) {
        return Integer.toString(s.length(i));
    }

    static String type(Session s, int i) {
        return s.typeName(i);
    }

    /** The 9P tag or the FUSE unique. */
    static String key(Session s, int i) {
        return Long.toUnsignedString(s.key(i));
    }

    /** Request-to-reply time in microseconds, on replies whose request was seen. */
    static String rtt(Session s, int i) {
        long rtt = s.rttNanos(i);
        return rtt < 0 ? "" : micros(rtt);
    }

    /** Nanoseconds as seconds with six decimals, without String.format (cells render often). */
    static String seconds(long nanos) {
        long micros = Math.round(nanos / 1e3);
        String sign = micros < 0 ? "-" : "";
        micros = Math.abs(micros);
        String frac = Long.toString(1_000_000 + micros % 1_000_000).substring(1);
        return sign + micros / 1_000_000 + "." + frac;
    }

    /** Nanoseconds as microseconds with one decimal. */
    static String micros(long nanos) {
        long tenths = Math.round(nanos / 100.0);
        return tenths / 10 + "." + tenths % 10;
    }

    /**
     * Side 0 sends requests, side 1 answers. A 9P connection id is {@code client>server}; a FUSE
     * conversation is between the kernel and the daemon its id names.
     */
    private static String endpoint(Session s, int i, int side) {
        String id = s.connection(i).id();
        if (s.connection(i).protocol() == Protocol.FUSE) {
            return side == 0 ? "kernel" : id;
        }
        int gt = id.indexOf('>');
        if (gt < 0) {
            return side == 0 ? id : "";
        }
        return side == 0 ? id.substring(0, gt) : id.substring(gt + 1);
    }
}
