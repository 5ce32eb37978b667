package io.lookaside.app.messages;

import java.nio.ByteBuffer;

/**
 * Wireshark's bytes pane: offset, sixteen bytes in hex split in two groups of eight, and the
 * printable ASCII. Large messages (an Rread of a whole msize) are cut at a limit and say so.
 */
final class HexDump {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private HexDump() {
    }

    static String format(ByteBuffer bytes, int maxBytes) {
        int p = bytes.position();
        int total = bytes.remaining();
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
        return b.toString();
    }

    private static void appendHex(StringBuilder b, int v, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            b.append(HEX[(v >>> shift) & 0xF]);
        }
    }
}
