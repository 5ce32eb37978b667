package io.lookaside.app.messages;

import java.util.ArrayList;
import java.util.List;

/**
 * The bytes pane's text, in sections (the frame, then a reassembled message), each in
 * Wireshark's layout (offset, sixteen bytes in hex split in two groups of eight, the printable
 * ASCII), and where each byte's hex digits lie in the text, so that a field's bytes can be
 * highlighted.
 *
 * @param text     the whole text
 * @param sections the sections, in the order of the text
 */
public record HexText(String text, List<Section> sections) {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    public HexText {
        sections = List.copyOf(sections);
    }

    /**
     * One run of bytes in the text.
     *
     * @param title     what the bytes are ({@code Frame (214 bytes)}), shown above all but the first section
     * @param positions the text index of each shown byte's first hex digit
     */
    public record Section(String title, int[] positions) {
    }

    /** The text range {@code [from, to)} of {@code length} bytes from {@code offset} of a section, or null when not shown. */
    public int[] range(int section, int offset, int length) {
        if (section < 0 || section >= sections.size() || length <= 0) {
            return null;
        }
        int[] p = sections.get(section).positions();
        if (offset < 0 || offset >= p.length) {
            return null;
        }
        int last = Math.min(p.length - 1, offset + length - 1);
        return new int[] {p[offset], p[last] + 2};
    }

    /** Builds the text section by section. */
    static final class Builder {
        private final StringBuilder b = new StringBuilder();
        private final List<Section> sections = new ArrayList<>();

        /** Adds {@code n} bytes of {@code a} from {@code from}, showing at most {@code max}; {@code note} follows them. */
        Builder add(String title, byte[] a, int from, int n, int max, String note) {
            if (!sections.isEmpty()) {
                b.append("\n\n").append(title).append('\n');
            }
            int shown = Math.min(n, max);
            int[] pos = new int[shown];
            int digits = n > 0xFFFF ? 6 : 4;
            for (int line = 0; line < shown; line += 16) {
                if (line > 0) {
                    b.append('\n');
                }
                for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
                    b.append(HEX[(line >>> shift) & 0xF]);
                }
                b.append("  ");
                for (int k = 0; k < 16; k++) {
                    if (k == 8) {
                        b.append(' ');
                    }
                    if (line + k < shown) {
                        int v = a[from + line + k] & 0xFF;
                        pos[line + k] = b.length();
                        b.append(HEX[v >>> 4]).append(HEX[v & 0xF]).append(' ');
                    } else {
                        b.append("   ");
                    }
                }
                b.append("  ");
                for (int k = 0; k < 16 && line + k < shown; k++) {
                    int v = a[from + line + k] & 0xFF;
                    b.append(v >= 0x20 && v < 0x7F ? (char) v : '.');
                }
            }
            if (shown < n) {
                b.append("\n… ").append(n - shown).append(" more bytes not shown");
            }
            if (note != null && !note.isEmpty()) {
                b.append(shown > 0 ? "\n" : "").append(note);
            }
            sections.add(new Section(title, pos));
            return this;
        }

        HexText build() {
            return new HexText(b.toString(), sections);
        }
    }
}
