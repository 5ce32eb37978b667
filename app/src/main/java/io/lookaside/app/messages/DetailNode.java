package io.lookaside.app.messages;

import java.util.List;

/**
 * One line of the message detail tree: a field name, its value as shown, the display filter
 * that selects messages with this value (null for containers), and nested fields.
 */
public record DetailNode(String name, String value, String filter, List<DetailNode> children) {

    public DetailNode {
        children = List.copyOf(children);
    }
}
