package io.lookaside.app.workbench;

import io.lookaside.app.capture.CaptureViewModel;
import io.lookaside.app.compare.CompareView;
import io.lookaside.app.compare.CompareViewModel;
import io.lookaside.app.dock.DockLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The workbench's window, as JDK Mission Control's and Eclipse's: every open capture is an editor
 * (a tab of its own, with its own session, analysis and views), the menus are those of the editor
 * on show plus the frame's (File › Open Recent, Close; Window › perspectives, Reset Perspective,
 * Show View), and the perspectives switch what fills the window: Analyze (the editors), Compare
 * (two captures side by side) and Live Capture (a slot the live-capture feature fills). The
 * arrangement of the views, the window's bounds, the recent files and filters go to
 * {@link WorkbenchPrefs}.
 */
public final class WorkbenchFrame extends BorderPane {
    /** What fills the window. */
    public enum Perspective {
        ANALYZE("Analyze"), COMPARE("Compare"), LIVE("Live Capture");

        private final String title;

        Perspective(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    static final String ANALYZE_LAYOUT = "analyze";
    /** Writes of the preferences wait this long after a change: dragging a divider changes the layout at every pixel. */
    private static final Duration SAVE_AFTER = Duration.millis(400);

    private final TaskRunner runner;
    private final CaptureViewModel.Loader loader;
    private final WorkbenchPrefs prefs;
    private final ObservableList<CaptureEditor> editors = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CaptureEditor> active = new ReadOnlyObjectWrapper<>(this, "active");
    private final ObjectProperty<Perspective> perspective = new SimpleObjectProperty<>(this, "perspective", Perspective.ANALYZE);
    private final TabPane editorTabs = new TabPane();
    private final CompareViewModel compare;
    private final CompareView compareView;
    private final BorderPane live = new BorderPane();
    private final ToggleGroup perspectiveButtons = new ToggleGroup();
    private final HBox perspectiveBar = new HBox(2);
    private final PauseTransition saveLater = new PauseTransition(SAVE_AFTER);
    private int editorCount;
    private final javafx.beans.property.StringProperty title = new javafx.beans.property.SimpleStringProperty(this, "title", "Lookaside");

    public WorkbenchFrame(TaskRunner runner, CaptureViewModel.Loader loader, WorkbenchPrefs prefs) {
        this.runner = runner;
        this.loader = loader;
        this.prefs = prefs;
        getStyleClass().add("workbench-frame");
        setId("workbenchFrame");
        editorTabs.setId("editorTabs");
        editorTabs.getStyleClass().add("editor-tabs");
        editorTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        editorTabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                activate((CaptureEditor) now.getUserData());
            }
        });
        compare = new CompareViewModel(runner.scoped("compare"));
        compareView = new CompareView(compare);
        Label placeholder = new Label("Live capture: choose a source from the Capture menu.");
        placeholder.setPadding(new Insets(16));
        live.setCenter(placeholder);
        live.setId("livePerspective");
        perspectiveBar();
        saveLater.setOnFinished(e -> prefs.save());
        perspective.addListener((o, was, now) -> showPerspective());
        addEditor();
        showPerspective();
    }

    // ---- editors

    /** Opens {@code file}: in the editor on show when it holds nothing, else in a new editor. */
    public CaptureEditor open(Path file) {
        CaptureEditor e = emptyEditor();
        e.viewModel().open(file);
        select(e);
        prefs.addRecentFile(file);
        saveSoon();
        perspective.set(Perspective.ANALYZE);
        return e;
    }

    /** The editor on show when it holds nothing, else a new one; on show either way. */
    public CaptureEditor emptyEditor() {
        CaptureEditor e = active.get() != null && active.get().isEmpty() ? active.get() : addEditor();
        select(e);
        return e;
    }

    /** Opens each file in an editor of its own; returns the editors. */
    public List<CaptureEditor> openAll(List<Path> files) {
        List<CaptureEditor> out = new ArrayList<>();
        files.forEach(f -> out.add(open(f)));
        return out;
    }

    /** Closes {@code e}: its tasks stop, its windows close, and with it goes its capture. One empty editor always stays. */
    public void close(CaptureEditor e) {
        int at = editors.indexOf(e);
        if (at < 0) {
            return;
        }
        e.close();
        editors.remove(e);
        Tab tab = editorTabs.getTabs().stream().filter(t -> t.getUserData() == e).findFirst().orElseThrow();
        // The tab pane's skin may keep a closed tab a while (its closing animation): the tab lets go of the editor now.
        tab.textProperty().unbind();
        tab.getTooltip().textProperty().unbind();
        tab.setTooltip(null);
        tab.setOnCloseRequest(null);
        tab.setContent(null);
        tab.setUserData(null);
        editorTabs.getTabs().remove(tab);
        // Its menus' accelerators were registered with the scene while they were on show.
        e.view().menuBar().getMenus().clear();
        if (editors.isEmpty()) {
            addEditor();
        }
        refreshCandidates();
        forgetAccelerators();
    }

    /**
     * The scene keeps the accelerators of every menu bar it showed, with actions that reach their
     * editor: they are dropped, and the menus on show register theirs again as they rejoin the scene.
     */
    private void forgetAccelerators() {
        if (getScene() != null) {
            getScene().getAccelerators().clear();
            Node top = getTop();
            setTop(null);
            setTop(top);
        }
    }

    public ObservableList<CaptureEditor> editors() {
        return FXCollections.unmodifiableObservableList(editors);
    }

    /** The editor on show, whose menus the window shows. */
    public ReadOnlyObjectProperty<CaptureEditor> activeProperty() {
        return active.getReadOnlyProperty();
    }

    public void select(CaptureEditor e) {
        editorTabs.getTabs().stream().filter(t -> t.getUserData() == e).findFirst()
                .ifPresent(t -> editorTabs.getSelectionModel().select(t));
    }

    private CaptureEditor addEditor() {
        DockLayout saved = prefs.layout(ANALYZE_LAYOUT);
        CaptureEditor e = new CaptureEditor(runner.scoped("editor" + (++editorCount)), loader, this::open, saved);
        editors.add(e);
        extendMenus(e);
        Tab tab = new Tab();
        tab.setUserData(e);
        tab.setContent(e.view());
        tab.getStyleClass().add("editor-tab");
        WorkbenchViewModel vm = e.viewModel();
        tab.textProperty().bind(Bindings.createStringBinding(e::name, vm.capture().pathProperty(), vm.capture().loadingProperty()));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> {
            Path p = vm.capture().pathProperty().get();
            return p == null ? "No capture" : p.toAbsolutePath().toString();
        }, vm.capture().pathProperty()));
        tab.setTooltip(tip);
        tab.setOnCloseRequest(ev -> {
            ev.consume(); // close() removes the tab itself, after the editor let go of its capture
            close(e);
        });
        // One arrangement for every editor, remembered: a view moved in one capture is where the next one opens.
        e.view().dock().layoutProperty().addListener((o, was, now) -> {
            prefs.setLayout(ANALYZE_LAYOUT, now);
            saveSoon();
        });
        vm.messages().appliedFilterProperty().addListener((o, was, now) -> {
            if (now != null && !now.isBlank()) {
                prefs.addRecentFilter(now);
                saveSoon();
            }
        });
        vm.analysis().resultProperty().addListener((o, was, now) -> refreshCandidates());
        vm.capture().pathProperty().addListener((o, was, now) -> refreshCandidates());
        editorTabs.getTabs().add(tab);
        editorTabs.getSelectionModel().select(tab);
        activate(e);
        refreshCandidates();
        return e;
    }

    private void activate(CaptureEditor e) {
        if (e == null || e == active.get()) {
            return;
        }
        CaptureEditor was = active.get();
        if (was != null) {
            was.view().setTop(was.view().menuBar()); // the menu bar goes back to its editor
        }
        active.set(e);
        title.bind(e.viewModel().titleProperty());
        BorderPane top = new BorderPane(e.view().menuBar());
        top.setRight(perspectiveBar);
        top.getStyleClass().add("frame-top");
        setTop(top);
    }

    /** The window's title: the editor on show's. */
    public javafx.beans.value.ObservableStringValue titleProperty() {
        return title;
    }

    // ---- perspectives

    public ObjectProperty<Perspective> perspectiveProperty() {
        return perspective;
    }

    /** The Compare perspective's state (tests and {@code --compare}). */
    public CompareViewModel compare() {
        return compare;
    }

    /** Compares {@code a} with {@code b} in the Compare perspective. */
    public void compare(CaptureEditor a, CaptureEditor b) {
        refreshCandidates();
        compare.aProperty().set(candidate(a));
        compare.bProperty().set(candidate(b));
        perspective.set(Perspective.COMPARE);
    }

    /** The Live Capture perspective shows {@code content} (the live-capture feature's view). */
    public void setLiveContent(Node content) {
        live.setCenter(content);
    }

    /** Window › Reset Perspective: every editor's views back where they came, the Compare view's choice kept. */
    public void resetPerspective() {
        for (CaptureEditor e : editors) {
            e.view().dock().reset();
        }
        prefs.setLayout(ANALYZE_LAYOUT, null);
        saveSoon();
    }

    private void showPerspective() {
        Perspective p = perspective.get();
        if (p == Perspective.COMPARE) {
            refreshCandidates();
            compare.chooseDefaults();
        }
        setCenter(switch (p) {
            case ANALYZE -> editorTabs;
            case COMPARE -> compareView;
            case LIVE -> live;
        });
        perspectiveButtons.getToggles().forEach(t -> t.setSelected(t.getUserData() == p));
    }

    private void perspectiveBar() {
        for (Perspective p : Perspective.values()) {
            ToggleButton b = new ToggleButton(p.title());
            b.setId("perspective" + p.name());
            b.setUserData(p);
            b.setToggleGroup(perspectiveButtons);
            b.setFocusTraversable(false);
            b.setOnAction(e -> {
                perspective.set(p);
                b.setSelected(true);
            });
            perspectiveBar.getChildren().add(b);
        }
        perspectiveBar.setAlignment(Pos.CENTER_RIGHT);
        perspectiveBar.setPadding(new Insets(1, 6, 1, 6));
        perspectiveBar.getStyleClass().add("perspective-bar");
    }

    private final java.util.Map<CaptureEditor, CompareViewModel.Candidate> candidates = new java.util.WeakHashMap<>();

    private CompareViewModel.Candidate candidate(CaptureEditor e) {
        return candidates.computeIfAbsent(e, x -> {
            WorkbenchViewModel vm = x.viewModel();
            return new CompareViewModel.Candidate(x.name(), vm.analysis().resultProperty(), i -> {
                perspective.set(Perspective.ANALYZE);
                select(x);
                vm.showMessage(i);
            });
        });
    }

    /** The Compare perspective's choice follows the open, named captures. */
    private void refreshCandidates() {
        candidates.keySet().removeIf(e -> !editors.contains(e));
        List<CompareViewModel.Candidate> now = new ArrayList<>();
        for (CaptureEditor e : editors) {
            if (!e.isEmpty()) {
                CompareViewModel.Candidate c = candidate(e);
                if (!c.name().equals(e.name())) {
                    CompareViewModel.Candidate was = candidates.remove(e); // reloaded under another name
                    c = candidate(e);
                    if (compare.aProperty().get() == was) {
                        compare.aProperty().set(c);
                    }
                    if (compare.bProperty().get() == was) {
                        compare.bProperty().set(c);
                    }
                }
                now.add(c);
            }
        }
        if (!now.equals(compare.candidates())) {
            compare.candidates().setAll(now);
        }
        // A side is unchosen only when its capture is closed (not while it is between loading and loaded).
        if (compare.aProperty().get() != null && !candidates.containsValue(compare.aProperty().get())) {
            compare.aProperty().set(null);
        }
        if (compare.bProperty().get() != null && !candidates.containsValue(compare.bProperty().get())) {
            compare.bProperty().set(null);
        }
    }

    // ---- menus

    /** Adds the frame's items to an editor's menus: they act on the frame, whichever editor shows them. */
    private void extendMenus(CaptureEditor e) {
        MenuBar bar = e.view().menuBar();
        Menu file = bar.getMenus().get(0);
        Menu recent = new Menu("Open _Recent");
        recent.setId("openRecentMenu");
        recent.getItems().add(new MenuItem("(none)"));
        recent.setOnShowing(ev -> fillRecent(recent));
        MenuItem close = item("_Close", "Shortcut+W", () -> close(active.get()));
        close.setId("closeEditorItem");
        MenuItem compareWith = item("Co_mpare Captures", null, () -> perspective.set(Perspective.COMPARE));
        file.getItems().add(1, recent);
        file.getItems().add(2, close);
        file.getItems().add(3, compareWith);
        Menu analyze = bar.getMenus().stream().filter(m -> "_Analyze".equals(m.getText())).findFirst().orElse(null);
        if (analyze != null) {
            Menu filters = new Menu("Recent Display _Filters");
            filters.setId("recentFiltersMenu");
            filters.getItems().add(new MenuItem("(none)"));
            filters.setOnShowing(ev -> fillFilters(filters, e));
            analyze.getItems().add(1, filters);
        }
        bar.getMenus().add(bar.getMenus().size() - 1, windowMenu(e));
    }

    private Menu windowMenu(CaptureEditor e) {
        Menu perspectives = new Menu("_Perspective");
        ToggleGroup g = new ToggleGroup();
        for (Perspective p : Perspective.values()) {
            RadioMenuItem it = new RadioMenuItem(p.title());
            it.setToggleGroup(g);
            it.setOnAction(ev -> perspective.set(p));
            perspectives.getItems().add(it);
        }
        perspectives.setOnShowing(ev -> g.getToggles().forEach(t ->
                t.setSelected(((RadioMenuItem) t).getText().equals(perspective.get().title()))));
        MenuItem reset = item("_Reset Perspective", null, this::resetPerspective);
        reset.setId("resetPerspectiveItem");
        Menu show = new Menu("Show _View");
        for (var v : e.view().dock().defaultLayout().allViews()) {
            show.getItems().add(item(e.view().dock().tab(v).getText(), null, () -> {
                perspective.set(Perspective.ANALYZE);
                e.view().dock().select(v);
            }));
        }
        MenuItem maximise = item("_Maximise or Restore View", "Shortcut+M", () -> {
            String v = e.view().dock().shownProperty().get();
            e.view().dock().toggleMaximised(v != null ? v : WorkbenchView.id(WorkbenchViewModel.Feature.MESSAGES));
        });
        MenuItem detach = item("_Detach View", null, () -> {
            String v = e.view().dock().shownProperty().get();
            e.view().dock().detach(v != null ? v : WorkbenchView.id(WorkbenchViewModel.Feature.MESSAGES));
        });
        Menu window = new Menu("_Window", null, perspectives, reset, new SeparatorMenuItem(), show, maximise, detach);
        window.setId("windowMenu");
        return window;
    }

    private void fillRecent(Menu recent) {
        List<MenuItem> items = new ArrayList<>();
        for (Path p : prefs.recentFiles()) {
            MenuItem it = new MenuItem(p.getFileName() + "  —  " + (p.getParent() == null ? "" : p.getParent()));
            it.setMnemonicParsing(false);
            it.setOnAction(ev -> open(p));
            items.add(it);
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            items.add(none);
        }
        recent.getItems().setAll(items);
    }

    private void fillFilters(Menu filters, CaptureEditor e) {
        List<MenuItem> items = new ArrayList<>();
        for (String f : prefs.recentFilters()) {
            MenuItem it = new MenuItem(f);
            it.setMnemonicParsing(false);
            it.setOnAction(ev -> {
                e.viewModel().messages().filterTextProperty().set(f);
                e.viewModel().messages().applyFilter();
            });
            items.add(it);
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem("No recent filters");
            none.setDisable(true);
            items.add(none);
        }
        filters.getItems().setAll(items);
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        return Widgets.menuItem(text, accelerator, action);
    }

    // ---- preferences

    private void saveSoon() {
        saveLater.playFromStart();
    }

    /** Remembers the window's bounds and writes the preferences now (the window is closing). */
    public void saveWindow(Stage stage) {
        if (!stage.isMaximized() && !stage.isIconified()) {
            prefs.setWindow(new javafx.geometry.Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()), false);
        } else if (prefs.windowBounds() != null) {
            prefs.setWindow(prefs.windowBounds(), stage.isMaximized());
        }
        saveLater.stop();
        prefs.save();
    }

    public WorkbenchPrefs prefs() {
        return prefs;
    }

    /** True when every open capture is loaded and analysed and, in Compare, the comparison is shown. */
    public boolean isSettled() {
        if (perspective.get() == Perspective.COMPARE) {
            // The editors are not on show: their views do not prepare what they would show.
            return compare.isSettled();
        }
        for (CaptureEditor e : editors) {
            if (!e.isEmpty() && !e.viewModel().isSettled()) {
                return false;
            }
        }
        return true;
    }
}
