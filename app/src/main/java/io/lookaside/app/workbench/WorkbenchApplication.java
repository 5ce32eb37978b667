package io.lookaside.app.workbench;

import io.lookaside.app.capture.CaptureViewModel;
import io.lookaside.app.live.LiveRequest;
import io.lookaside.capture.live.CaptureInterfaces;
import io.lookaside.capture.live.PcapLiveSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The JavaFX application: one {@link WorkbenchFrame} over one {@link TaskRunner}, with the
 * user's preferences. Started by {@link Launcher}. With {@code -Dlookaside.screenshot=FILE} it
 * saves a picture of the window once the captures are shown, and exits (for the README and for
 * checking the layout by eye).
 */
public final class WorkbenchApplication extends Application {
    private static final System.Logger LOG = System.getLogger(WorkbenchApplication.class.getName());

    private TaskRunner runner;
    private WorkbenchFrame frame;

    @Override
    public void start(Stage stage) {
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
        runner = TaskRunner.forJavaFx(WorkbenchApplication::unexpected);
        frame = showFrame(stage, runner, CaptureViewModel.Loader.DEFAULT, WorkbenchPrefs.forUser());
        String screenshot = System.getProperty("lookaside.screenshot");
        String live = System.getProperty("lookaside.screenshot.live");
        if (screenshot != null) {
            String tab = System.getProperty("lookaside.screenshot.tab", options.compare() ? "compare" : "messages");
            if (live != null) {
                WorkbenchViewModel vm = frame.activeProperty().get().viewModel();
                WorkbenchViewModel.Feature feature = WorkbenchViewModel.Feature.valueOf(tab.toUpperCase(java.util.Locale.ROOT));
                Screenshot.duringCapture(stage.getScene(), vm, Path.of(screenshot), feature,
                        javafx.util.Duration.seconds(Integer.getInteger("lookaside.screenshot.live.seconds", 8)));
                vm.startCapture(screenshotCapture(live, Integer.getInteger("lookaside.screenshot.live.port", 0)));
                return;
            }
            Screenshot.whenShown(stage.getScene(), frame, Path.of(screenshot), tab);
        }
        launch(frame, options);
    }

    /** A capture for the screenshot: 9P's default filter on {@code iface}, written to a temporary file. */
    private static LiveRequest screenshotCapture(String iface, int port) {
        Path out;
        try {
            out = Files.createTempDirectory("lookaside-screenshot-").resolve(iface + ".pcapng");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String filter = PcapLiveSource.defaultFilter(port, CaptureInterfaces.linkTypeOf(iface));
        return new LiveRequest(iface, filter, port, null, 0, out, false, 0, 0);
    }

    /** Applies the command line: each file in an editor of its own (filter and frame in each), then Compare if asked. */
    static void launch(WorkbenchFrame frame, LaunchOptions options) {
        if (options.files().isEmpty()) {
            frame.activeProperty().get().viewModel().launch(options);
            return;
        }
        List<CaptureEditor> opened = new java.util.ArrayList<>();
        for (Path f : options.files()) {
            CaptureEditor e = frame.emptyEditor();
            e.viewModel().launch(new LaunchOptions(f, options.filter(), options.frame()));
            frame.prefs().addRecentFile(f);
            opened.add(e);
        }
        frame.select(opened.get(0));
        if (options.compare()) {
            frame.compare(opened.get(0), opened.get(1));
        }
    }

    /** Builds the main window on {@code stage} with preferences kept in memory; tests call this too. */
    public static WorkbenchViewModel show(Stage stage, TaskRunner runner) {
        return show(stage, runner, CaptureViewModel.Loader.DEFAULT);
    }

    /** Builds the main window on {@code stage}, reading captures with {@code loader}; returns the first editor's model. */
    public static WorkbenchViewModel show(Stage stage, TaskRunner runner, CaptureViewModel.Loader loader) {
        return showFrame(stage, runner, loader, WorkbenchPrefs.inMemory()).activeProperty().get().viewModel();
    }

    /** Builds the main window on {@code stage}: the frame, placed where {@code prefs} remember it, clamped to the screens. */
    public static WorkbenchFrame showFrame(Stage stage, TaskRunner runner, CaptureViewModel.Loader loader, WorkbenchPrefs prefs) {
        WorkbenchFrame frame = new WorkbenchFrame(runner, loader, prefs);
        Scene scene = new Scene(frame);
        scene.getStylesheets().add(WorkbenchApplication.class.getResource("workbench.css").toExternalForm());
        stage.titleProperty().bind(frame.titleProperty());
        stage.setScene(scene);
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        Rectangle2D bounds = WindowPlacement.clamp(prefs.windowBounds(), screens, Screen.getPrimary().getVisualBounds());
        stage.setOnHiding(e -> frame.saveWindow(stage));
        WindowPlacement.show(stage, bounds, prefs.windowMaximised());
        return frame;
    }

    @Override
    public void stop() {
        if (frame != null) {
            // A capture under way finishes its file before the JVM (and its daemon capture thread) ends.
            for (CaptureEditor e : frame.editors()) {
                e.viewModel().live().stopAndWait(java.time.Duration.ofSeconds(3));
            }
        }
        if (runner != null) {
            runner.close();
        }
    }

    /** A failure no view-model handles is a bug: say so in words, keep the trace for the log. */
    private static void unexpected(Throwable e) {
        LOG.log(System.Logger.Level.ERROR, "background task failed", e);
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("Internal error");
        alert.setHeaderText("Lookaside hit an internal error");
        alert.setContentText(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + "\nThe workbench goes on; please report this with the capture.");
        alert.show();
    }
}
