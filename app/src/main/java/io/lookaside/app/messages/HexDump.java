package io.lookaside.app.messages;

import java.nio.ByteBuffer;

/**
 * Wireshark's bytes pane: offset, sixteen bytes in hex split in two groups of eight, and the
 * printable ASCII. Large messages are cut at a limit and say so; bulk payloads the session did
 * not keep (an Rread's data) are not shown at all, and the pane says so plainly.
 */
final class HexDump {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private HexDump() {
    }

    static String format(ByteBuffer bytes, int maxBytes) {
        return format(bytes, bytes.remaining(), maxBytes);
    }

    /**
     * The first {@code kept} of the message's bytes, at most {@code maxBytes} of them; the rest
     * of the message, if any, was a payload that was not kept ({@code Session.keptLength}).
     */
    static String format(ByteBuffer bytes, int kept, int maxBytes) {
        int p = bytes.position();
        int length = bytes.remaining();
        int total = Math.min(kept, length);
        int n = Math.min(total, maxBytes);
        StringBuilder b = new StringBuilder((n / 16 + 2) * 76);
        for (int line = 0; line < n; line += 16) {
            if (line > 0) {
                b.append('\n');
            }
            appendHex(b, line, total > 0xFFFF ? 6 : 4);
            b.append("  ");
            for (int k = 0; k < 16; k++) {
                if (k == 8) {
                    b.append(' ');
                }
                if (line + k < n) {
                    int v = bytes.get(p + line + k) & 0xFF;
                    b.append(HEX[v >>> 4]).append(HEX[v & 0xF]).append(' ');
                } else {
                    b.append("   ");
                }
            }
            b.append("  ");
            for (int k = 0; k < 16 && line + k < n; k++) {
                int v = bytes.get(p + line + k) & 0xFF;
                b.append(v >= 0x20 && v < 0x7F ? (char) v : '.');
            }
        }
        if (n < total) {
            b.append("\n… ").append(total - n).append(" more bytes not shown");
        }
        if (total < length) {
            b.append(n > 0 ? "\n" : "").append("… ").append(length - total).append(length - total == 1 ? " byte" : " bytes")
                    .append(" of payload not kept: Lookaside keeps the headers of read and write data, not the data");
        }
        return b.toString();
    }

    private static void appendHex(StringBuilder b, int v, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            b.append(HEX[(v >>> shift) & 0xF]);
        }
    }
}
