package io.lookaside.app.messages;

import java.util.List;

/**
 * One line of the message detail tree: a field name, its value as shown, the display filter
 * that selects messages with this value (null for containers), nested fields, and the filter
 * key that reaches the field ({@code qids.path}; null for lines that are not fields), which
 * Apply as Column shows.
 */
public record DetailNode(String name, String value, String filter, List<DetailNode> children, String field,
                         Bytes bytes) {

    public DetailNode(String name, String value, String filter, List<DetailNode> children) {
        this(name, value, filter, children, null, null);
    }

    public DetailNode(String name, String value, String filter, List<DetailNode> children, String field) {
        this(name, value, filter, children, field, null);
    }

    /** The same line with its bytes: {@code length} from {@code offset} of section {@code section} of the bytes pane. */
    public DetailNode withBytes(int section, int offset, int length) {
        return new DetailNode(name, value, filter, children, field, new Bytes(section, offset, length));
    }

    /** Where a line's bytes lie in the bytes pane ({@link HexText}). */
    public record Bytes(int section, int offset, int length) {
    }

    public DetailNode {
        children = List.copyOf(children);
    }
}
