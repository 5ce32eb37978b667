package io.lookaside.app.dock;

import io.lookaside.app.dock.DockLayout.Side;
import io.lookaside.app.dock.DockLayout.Split;
import io.lookaside.app.dock.DockLayout.Stack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Views the user arranges, built on SplitPane and TabPane: a {@link DockLayout} of stacks (tab
 * panes) in splits. A view's tab can be dragged onto another stack (into it, or onto its edge
 * to split it), and its context menu moves it, splits it off, detaches it into a window of its
 * own, or maximises its stack (not a double-click, as in Eclipse: the tabs are clicked twice in
 * quick succession often enough, and a stack filling the window by surprise hid the details). A view's content joins the
 * scene when its tab is first selected: a TabPane lays out every tab's content, shown or not,
 * and a big capture's analysis arriving in seven views at once stalled the FX thread.
 */
public final class DockArea extends StackPane {
    private static final String DRAG_PREFIX = "lookaside-view:";

    /** A view: its id (also the layout's name for it), the id of its tab, its title and content. */
    public record View(String id, String tabId, ObservableValue<String> title, Node content) {
    }

    private final Map<String, View> views = new LinkedHashMap<>();
    private final Map<String, Tab> tabs = new LinkedHashMap<>();
    private final Map<String, Stage> detached = new LinkedHashMap<>();
    private final DockLayout defaultLayout;
    private final ReadOnlyObjectWrapper<DockLayout> layout = new ReadOnlyObjectWrapper<>(this, "layout");
    private final ReadOnlyStringWrapper maximised = new ReadOnlyStringWrapper(this, "maximised");
    private final ReadOnlyStringWrapper shown = new ReadOnlyStringWrapper(this, "shown");
    /** True while the scene graph is rebuilt: tab panes losing their tabs do not change the layout. */
    private boolean rendering;

    /**
     * @param initial the layout to start with (e.g. from the preferences); fitted to {@code views}
     */
    public DockArea(List<View> views, DockLayout defaultLayout, DockLayout initial) {
        getStyleClass().add("dock-area");
        for (View v : views) {
            this.views.put(v.id(), v);
            tabs.put(v.id(), tab(v));
        }
        this.defaultLayout = defaultLayout.fittedTo(this.views.keySet(), views.get(0).id());
        apply(initial == null ? this.defaultLayout : initial.fittedTo(this.views.keySet(), views.get(0).id()));
    }

    private Tab tab(View v) {
        Tab tab = new Tab();
        tab.setId(v.tabId());
        tab.textProperty().bind(v.title());
        tab.setClosable(false);
        InvalidationListener attach = new InvalidationListener() {
            @Override
            public void invalidated(Observable o) {
                if (tab.isSelected() && !detached.containsKey(v.id())) {
                    tab.setContent(v.content());
                    tab.selectedProperty().removeListener(this);
                }
            }
        };
        tab.selectedProperty().addListener(attach);
        tab.selectedProperty().addListener((o, was, now) -> {
            if (now && !rendering) {
                shown.set(v.id());
                DockLayout l = layout.get();
                if (l.stackOf(v.id()) != null && !v.id().equals(l.stackOf(v.id()).selected())) {
                    layout.set(l.selecting(v.id())); // the tab on show is part of the layout; no rebuild needed
                }
            }
        });
        tab.setContextMenu(tabMenu(v.id()));
        return tab;
    }

    /** The arrangement now; it changes with every move, split, selection or divider drag. */
    public ReadOnlyObjectProperty<DockLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    /** The view whose stack fills the area, or null. */
    public ReadOnlyStringProperty maximisedProperty() {
        return maximised.getReadOnlyProperty();
    }

    /** The view the user or a {@link #select} call brought on show last. */
    public ReadOnlyStringProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public DockLayout defaultLayout() {
        return defaultLayout;
    }

    /** The tab of {@code view} (its stack may be any tab pane). */
    public Tab tab(String view) {
        return tabs.get(view);
    }

    /** Views in windows of their own. */
    public java.util.Set<String> detachedViews() {
        return java.util.Collections.unmodifiableSet(detached.keySet());
    }

    /** Replaces the arrangement; windows of detached views close and their views rejoin first. */
    public void apply(DockLayout l) {
        layout.set(l.fittedTo(detachedOr(views.keySet()), views.keySet().iterator().next()));
        render();
    }

    /** Back to the layout the area was made with: nothing maximised, nothing detached. */
    public void reset() {
        new ArrayList<>(detached.values()).forEach(Stage::close);
        maximised.set(null);
        apply(defaultLayout);
    }

    /** Brings {@code view} on show: selects its tab, restores a maximised other stack, or raises its window. */
    public void select(String view) {
        Stage window = detached.get(view);
        if (window != null) {
            window.toFront();
            shown.set(view);
            return;
        }
        Stack s = layout.get().stackOf(view);
        if (s == null) {
            return;
        }
        if (maximised.get() != null && !s.views().contains(maximised.get())) {
            maximised.set(null);
            render();
        }
        Tab tab = tabs.get(view);
        if (tab.getTabPane() != null) {
            tab.getTabPane().getSelectionModel().select(tab);
        }
        shown.set(view);
    }

    /** Fills the area with the stack of {@code view}, or restores the layout when it is maximised already. */
    public void toggleMaximised(String view) {
        Stack s = layout.get().stackOf(view);
        boolean restore = maximised.get() != null && s != null && s.views().contains(maximised.get());
        maximised.set(restore || s == null ? null : view);
        render();
        select(view);
    }

    /** Moves {@code view} next to {@code target}: into its stack, or on one side of it. */
    public void move(String view, String target, Side side) {
        if (detached.containsKey(view)) {
            Stage w = detached.remove(view);
            w.setOnHidden(null);
            w.close();
            ((BorderPane) w.getScene().getRoot()).setCenter(null);
        }
        maximised.set(null);
        layout.set(layout.get().with(view, target, side));
        render();
        select(view);
    }

    /** Takes {@code view} out of the layout into a window of its own; closing the window docks it again. */
    public void detach(String view) {
        if (detached.containsKey(view) || layout.get().allViews().size() < 2) {
            return;
        }
        Stack from = layout.get().stackOf(view);
        String rejoin = from.views().stream().filter(v -> !v.equals(view)).findFirst()
                .orElse(layout.get().allViews().stream().filter(v -> !v.equals(view)).findFirst().orElseThrow());
        Tab tab = tabs.get(view);
        tab.setContent(null);
        BorderPane root = new BorderPane(views.get(view).content());
        Stage window = new Stage();
        window.titleProperty().bind(views.get(view).title());
        Scene scene = new Scene(root, Math.max(480, getWidth() * 0.5), Math.max(320, getHeight() * 0.6));
        if (getScene() != null) {
            scene.getStylesheets().setAll(getScene().getStylesheets());
            window.initOwner(getScene().getWindow());
        }
        window.setScene(scene);
        detached.put(view, window);
        window.setOnHidden(e -> {
            if (detached.remove(view) != null) {
                root.setCenter(null);
                String target = layout.get().stackOf(rejoin) != null ? rejoin : layout.get().allViews().iterator().next();
                layout.set(layout.get().with(view, target, Side.CENTER));
                render();
            }
        });
        if (maximised.get() != null && maximised.get().equals(view)) {
            maximised.set(null);
        }
        layout.set(layout.get().without(view));
        render();
        window.show();
        shown.set(view);
    }

    /** Closes every detached window (their views rejoin); for closing the area for good. */
    public void closeWindows() {
        new ArrayList<>(detached.values()).forEach(Stage::close);
    }

    private java.util.Set<String> detachedOr(java.util.Set<String> all) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>(all);
        out.removeAll(detached.keySet());
        return out;
    }

    private void render() {
        rendering = true;
        try {
            for (Tab t : tabs.values()) {
                if (t.getTabPane() != null) {
                    t.getTabPane().getTabs().remove(t);
                }
            }
            DockLayout l = layout.get();
            String max = maximised.get();
            Stack maxStack = max == null ? null : l.stackOf(max);
            getChildren().setAll(maxStack != null ? build(maxStack, List.of()) : build(l, List.of()));
        } finally {
            rendering = false;
        }
    }

    private Node build(DockLayout l, List<Integer> path) {
        if (l instanceof Stack s) {
            return stackPane(s);
        }
        Split sp = (Split) l;
        SplitPane pane = new SplitPane();
        pane.getStyleClass().add("dock-split");
        pane.setOrientation(sp.vertical() ? Orientation.VERTICAL : Orientation.HORIZONTAL);
        for (int k = 0; k < sp.parts().size(); k++) {
            List<Integer> p = new ArrayList<>(path);
            p.add(k);
            pane.getItems().add(build(sp.parts().get(k), p));
        }
        double[] d = sp.dividers().stream().mapToDouble(Double::doubleValue).toArray();
        pane.setDividerPositions(d);
        // Only the user's drags move the layout's dividers: a split pane also moves them itself
        // while it is laid out (a first pass at a small size clamps them to its parts' minimum sizes).
        pane.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> {
            DockLayout now = layout.get();
            for (int k = 0; k < pane.getDividers().size(); k++) {
                now = withDivider(now, path, 0, k, pane.getDividers().get(k).getPosition());
            }
            if (!now.equals(layout.get())) {
                layout.set(now);
            }
        });
        return pane;
    }

    /** The layout with the divider {@code at} of the split at {@code path} moved to {@code pos}. */
    private static DockLayout withDivider(DockLayout l, List<Integer> path, int depth, int at, double pos) {
        if (!(l instanceof Split sp)) {
            return l;
        }
        if (depth == path.size()) {
            List<Double> d = new ArrayList<>(sp.dividers());
            if (at < d.size()) {
                d.set(at, Math.round(pos * 1000) / 1000.0);
            }
            return new Split(sp.vertical(), sp.parts(), d);
        }
        List<DockLayout> parts = new ArrayList<>(sp.parts());
        int k = path.get(depth);
        parts.set(k, withDivider(parts.get(k), path, depth + 1, at, pos));
        return new Split(sp.vertical(), parts, sp.dividers());
    }

    private TabPane stackPane(Stack s) {
        TabPane pane = new TabPane();
        pane.getStyleClass().add("dock-stack");
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (String v : s.views()) {
            pane.getTabs().add(tabs.get(v));
        }
        if (s.selected() != null) {
            pane.getSelectionModel().select(tabs.get(s.selected()));
        }
        Tab on = pane.getSelectionModel().getSelectedItem();
        if (on != null && on.getContent() == null) {
            on.setContent(views.get(viewOf(on)).content()); // the selected-listener does not fire for a tab selected already
        }
        pane.setOnDragDetected(e -> {
            String v = headerView(e.getPickResult().getIntersectedNode());
            if (v != null) {
                ClipboardContent c = new ClipboardContent();
                c.putString(DRAG_PREFIX + v);
                pane.startDragAndDrop(TransferMode.MOVE).setContent(c);
                e.consume();
            }
        });
        pane.setOnDragOver(e -> {
            if (draggedView(e.getDragboard().getString()) != null) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        pane.setOnDragDropped(e -> {
            String v = draggedView(e.getDragboard().getString());
            Tab target = pane.getSelectionModel().getSelectedItem();
            if (v != null && target != null) {
                Side side = side(pane.getLayoutBounds(), e.getX(), e.getY());
                String t = viewOf(target);
                if (!(t.equals(v) && side == Side.CENTER)) {
                    move(v, t, side);
                }
                e.setDropCompleted(true);
            }
            e.consume();
        });
        return pane;
    }

    /** The outer quarter of a stack splits it on that side; its middle stacks the view. */
    static Side side(Bounds b, double x, double y) {
        double fx = (x - b.getMinX()) / Math.max(1, b.getWidth());
        double fy = (y - b.getMinY()) / Math.max(1, b.getHeight());
        if (fx < 0.25) {
            return Side.LEFT;
        }
        if (fx > 0.75) {
            return Side.RIGHT;
        }
        if (fy > 0.75) {
            return Side.BOTTOM;
        }
        return fy < 0.25 && fy > 0.08 ? Side.TOP : Side.CENTER;
    }

    private String draggedView(String s) {
        if (s == null || !s.startsWith(DRAG_PREFIX)) {
            return null;
        }
        String v = s.substring(DRAG_PREFIX.length());
        return views.containsKey(v) ? v : null;
    }

    /** The view whose tab header holds {@code n} (TabPane's header takes the tab's id), or null. */
    private String headerView(Node n) {
        for (; n != null && !(n instanceof TabPane); n = n.getParent()) {
            if (n.getStyleClass().contains("tab") && n.getId() != null) {
                for (Map.Entry<String, View> v : views.entrySet()) {
                    if (n.getId().equals(v.getValue().tabId())) {
                        return v.getKey();
                    }
                }
            }
        }
        return null;
    }

    private String viewOf(Tab tab) {
        for (Map.Entry<String, Tab> t : tabs.entrySet()) {
            if (t.getValue() == tab) {
                return t.getKey();
            }
        }
        throw new IllegalStateException("not a view's tab: " + tab.getId());
    }

    /** The tab's menu: its items are made once and brought up to date each time it opens. */
    private ContextMenu tabMenu(String view) {
        MenuItem maximise = action("Maximise", () -> toggleMaximised(view));
        MenuItem detach = action("Detach into a Window", () -> detach(view));
        MenuItem right = action("Split Right", () -> splitOff(view, Side.RIGHT));
        MenuItem below = action("Split Below", () -> splitOff(view, Side.BOTTOM));
        Menu to = new Menu("Move to");
        ContextMenu menu = new ContextMenu(maximise, detach, new SeparatorMenuItem(), right, below, to);
        menu.setOnShowing(e -> {
            maximise.setText(maximised.get() != null ? "Restore" : "Maximise");
            Stack own = layout.get().stackOf(view);
            boolean alone = own == null || own.views().size() < 2;
            right.setDisable(alone);
            below.setDisable(alone);
            to.getItems().clear();
            for (Stack s : layout.get().stacks()) {
                if (s != own && s.selected() != null) {
                    String names = String.join(", ", s.views().stream().map(v -> views.get(v).title().getValue()).toList());
                    to.getItems().add(action("Stack of " + names, () -> move(view, s.selected(), Side.CENTER)));
                }
            }
            to.setDisable(to.getItems().isEmpty());
        });
        return menu;
    }

    /** Moves {@code view} out of its stack into a new one on {@code side} of it. */
    private void splitOff(String view, Side side) {
        Stack own = layout.get().stackOf(view);
        if (own != null && own.views().size() > 1) {
            move(view, own.views().stream().filter(v -> !v.equals(view)).findFirst().orElseThrow(), side);
        }
    }

    /** Shows every stack again if one fills the area (a jump to a message wants its details on show). */
    public void restore() {
        if (maximised.get() != null) {
            maximised.set(null);
            render();
        }
    }

    private static MenuItem action(String text, Runnable r) {
        MenuItem it = new MenuItem(text);
        it.setOnAction(e -> r.run());
        return it;
    }
}
