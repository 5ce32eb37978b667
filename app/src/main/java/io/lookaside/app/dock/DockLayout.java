package io.lookaside.app.dock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where each view is: a tree of splits whose leaves are stacks of views (tabs), as Eclipse lays
 * out a perspective. A value: every operation returns a new layout, so a layout can be kept as
 * the default, saved in the preferences and compared. Views are named by their ids.
 */
public sealed interface DockLayout permits DockLayout.Stack, DockLayout.Split {

    /** Where a view goes relative to a target view: into its stack, or beside it. */
    enum Side { CENTER, LEFT, RIGHT, TOP, BOTTOM }

    /** Views on top of each other, one on show. */
    record Stack(List<String> views, String selected) implements DockLayout {
        public Stack {
            views = List.copyOf(views);
            if (selected == null || !views.contains(selected)) {
                selected = views.isEmpty() ? null : views.get(0);
            }
        }

        public static Stack of(String... views) {
            return new Stack(List.of(views), null);
        }
    }

    /** Parts side by side ({@code vertical}: one above the other), divided at {@code dividers} (0..1). */
    record Split(boolean vertical, List<DockLayout> parts, List<Double> dividers) implements DockLayout {
        public Split {
            parts = List.copyOf(parts);
            dividers = List.copyOf(dividers);
        }

        public static Split horizontal(double divider, DockLayout left, DockLayout right) {
            return new Split(false, List.of(left, right), List.of(divider));
        }

        public static Split vertical(double divider, DockLayout top, DockLayout bottom) {
            return new Split(true, List.of(top, bottom), List.of(divider));
        }
    }

    /** Every view in the layout, in order. */
    default Set<String> allViews() {
        Set<String> out = new LinkedHashSet<>();
        collect(this, out);
        return out;
    }

    private static void collect(DockLayout l, Set<String> out) {
        if (l instanceof Stack s) {
            out.addAll(s.views());
        } else if (l instanceof Split sp) {
            sp.parts().forEach(p -> collect(p, out));
        }
    }

    /** The stack that holds {@code view}, or null. */
    default Stack stackOf(String view) {
        if (this instanceof Stack s) {
            return s.views().contains(view) ? s : null;
        }
        for (DockLayout p : ((Split) this).parts()) {
            Stack s = p.stackOf(view);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    /** Every stack, in order. */
    default List<Stack> stacks() {
        List<Stack> out = new ArrayList<>();
        if (this instanceof Stack s) {
            out.add(s);
        } else {
            ((Split) this).parts().forEach(p -> out.addAll(p.stacks()));
        }
        return out;
    }

    /** This layout without {@code view}; empty stacks go, and a split of one part becomes that part. */
    default DockLayout without(String view) {
        DockLayout l = removed(this, view);
        return l == null ? Stack.of() : l;
    }

    private static DockLayout removed(DockLayout l, String view) {
        if (l instanceof Stack s) {
            if (!s.views().contains(view)) {
                return s;
            }
            List<String> rest = new ArrayList<>(s.views());
            rest.remove(view);
            return rest.isEmpty() ? null : new Stack(rest, view.equals(s.selected()) ? null : s.selected());
        }
        Split sp = (Split) l;
        List<DockLayout> parts = new ArrayList<>();
        List<Double> dividers = new ArrayList<>();
        for (int k = 0; k < sp.parts().size(); k++) {
            DockLayout p = removed(sp.parts().get(k), view);
            if (p != null) {
                parts.add(p);
                if (k < sp.dividers().size()) {
                    dividers.add(sp.dividers().get(k));
                }
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        while (dividers.size() > parts.size() - 1) {
            dividers.remove(dividers.size() - 1);
        }
        return new Split(sp.vertical(), parts, dividers);
    }

    /**
     * This layout with {@code view} moved next to {@code target}: into its stack (and selected),
     * or in a new stack on one side of it. A target not in the layout puts the view in the first stack.
     */
    default DockLayout with(String view, String target, Side side) {
        DockLayout rest = view.equals(target) && side == Side.CENTER ? this : without(view);
        if (rest.stackOf(target) == null) {
            List<Stack> stacks = rest.stacks();
            if (stacks.isEmpty() || stacks.get(0).views().isEmpty()) {
                return Stack.of(view);
            }
            target = stacks.get(0).views().get(0);
            side = Side.CENTER;
        }
        return placed(rest, view, target, side);
    }

    private static DockLayout placed(DockLayout l, String view, String target, Side side) {
        if (l instanceof Stack s) {
            if (!s.views().contains(target)) {
                return s;
            }
            if (side == Side.CENTER) {
                List<String> views = new ArrayList<>(s.views());
                if (!views.contains(view)) {
                    views.add(views.indexOf(target) + 1, view);
                }
                return new Stack(views, view);
            }
            Stack added = Stack.of(view);
            return switch (side) {
                case LEFT -> Split.horizontal(0.3, added, s);
                case RIGHT -> Split.horizontal(0.7, s, added);
                case TOP -> Split.vertical(0.3, added, s);
                default -> Split.vertical(0.7, s, added);
            };
        }
        Split sp = (Split) l;
        return new Split(sp.vertical(), sp.parts().stream().map(p -> placed(p, view, target, side)).toList(),
                sp.dividers());
    }

    /** This layout with {@code view} the one on show in its stack. */
    default DockLayout selecting(String view) {
        if (this instanceof Stack s) {
            return s.views().contains(view) ? new Stack(s.views(), view) : s;
        }
        Split sp = (Split) this;
        return new Split(sp.vertical(), sp.parts().stream().map(p -> p.selecting(view)).toList(), sp.dividers());
    }

    /**
     * This layout restricted to {@code known} views, with those it lacks added to the stack of
     * {@code fallbackTarget} (a layout saved by another version may lack a view, or name one that is gone).
     */
    default DockLayout fittedTo(Collection<String> known, String fallbackTarget) {
        DockLayout l = this;
        for (String v : allViews()) {
            if (!known.contains(v)) {
                l = l.without(v);
            }
        }
        for (String v : known) {
            if (l.stackOf(v) == null) {
                l = l.with(v, fallbackTarget, Side.CENTER);
            }
        }
        return l;
    }

    /** The layout as JSON, for the preferences. */
    default JsonNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        if (this instanceof Stack s) {
            ArrayNode views = o.putArray("stack");
            s.views().forEach(views::add);
            if (s.selected() != null) {
                o.put("selected", s.selected());
            }
        } else {
            Split sp = (Split) this;
            o.put("split", sp.vertical() ? "vertical" : "horizontal");
            ArrayNode d = o.putArray("dividers");
            sp.dividers().forEach(d::add);
            ArrayNode parts = o.putArray("parts");
            sp.parts().forEach(p -> parts.add(p.toJson()));
        }
        return o;
    }

    /** Reads {@link #toJson()}; throws IllegalArgumentException on anything else. */
    static DockLayout fromJson(JsonNode o) {
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("a layout is an object");
        }
        if (o.has("stack")) {
            List<String> views = new ArrayList<>();
            o.get("stack").forEach(v -> views.add(v.asText()));
            return new Stack(views, o.path("selected").isTextual() ? o.get("selected").asText() : null);
        }
        if (o.has("split") && o.path("parts").isArray()) {
            List<DockLayout> parts = new ArrayList<>();
            o.get("parts").forEach(p -> parts.add(fromJson(p)));
            List<Double> dividers = new ArrayList<>();
            o.path("dividers").forEach(d -> dividers.add(Math.max(0.05, Math.min(0.95, d.asDouble(0.5)))));
            if (parts.size() < 2 || dividers.size() != parts.size() - 1) {
                throw new IllegalArgumentException("a split has two parts or more and one divider fewer");
            }
            return new Split("vertical".equals(o.get("split").asText()), parts, dividers);
        }
        throw new IllegalArgumentException("neither a stack nor a split");
    }
}
