package io.lookaside.app.messages;

import java.util.List;

/**
 * One line of the message detail tree: a field name, its value as shown, the display filter
 * that selects messages with this value (null for containers), nested fields, and the filter
 * key that reaches the field ({@code qids.path}; null for lines that are not fields), which
 * Apply as Column shows.
 */
public record DetailNode(String name, String value, String filter, List<DetailNode> children, String field) {

    public DetailNode(String name, String value, String filter, List<DetailNode> children) {
        this(name, value, filter, children, null);
    }

    public DetailNode {
        children = List.copyOf(children);
    }
}
