package io.lookaside.wire;

/**
 * Where a named field lies in some bytes: {@code length} bytes from {@code offset}, for the
 * bytes pane to highlight what the detail tree selects.
 *
 * @param name    the field's name (a JSON key: {@code fid}, {@code wnames}) or header name
 * @param offset  the first byte, from the start of the bytes the span is about
 * @param length  how many bytes
 * @param summary the field as read ({@code Src Port: 41000}), or empty
 */
public record FieldSpan(String name, int offset, int length, String summary) {

    public FieldSpan(String name, int offset, int length) {
        this(name, offset, length, "");
    }
}
