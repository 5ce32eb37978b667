package io.lookaside.app.workbench;

import io.lookaside.app.capture.CaptureViewModel;
import io.lookaside.app.live.LiveRequest;
import io.lookaside.capture.live.CaptureInterfaces;
import io.lookaside.capture.live.PcapLiveSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The JavaFX application: one main window over one {@link TaskRunner}. Started by
 * {@link Launcher}. With {@code -Dlookaside.screenshot=FILE} it saves a picture of the window
 * once the capture is shown, and exits (for the README and for checking the layout by eye).
 */
public final class WorkbenchApplication extends Application {
    private static final System.Logger LOG = System.getLogger(WorkbenchApplication.class.getName());

    private TaskRunner runner;
    private WorkbenchViewModel vm;

    @Override
    public void start(Stage stage) {
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
        runner = TaskRunner.forJavaFx(WorkbenchApplication::unexpected);
        vm = show(stage, runner);
        String screenshot = System.getProperty("lookaside.screenshot");
        String live = System.getProperty("lookaside.screenshot.live");
        if (screenshot != null) {
            String tab = System.getProperty("lookaside.screenshot.tab", "messages");
            WorkbenchViewModel.Feature feature = WorkbenchViewModel.Feature.valueOf(tab.toUpperCase(java.util.Locale.ROOT));
            if (live != null) {
                Screenshot.duringCapture(stage.getScene(), vm, Path.of(screenshot), feature,
                        javafx.util.Duration.seconds(Integer.getInteger("lookaside.screenshot.live.seconds", 8)));
                vm.startCapture(screenshotCapture(live, Integer.getInteger("lookaside.screenshot.live.port", 0)));
                return;
            }
            Screenshot.whenShown(stage.getScene(), vm, Path.of(screenshot), feature);
        }
        vm.launch(options);
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

    /** Builds the main window on {@code stage}; tests call this too. */
    public static WorkbenchViewModel show(Stage stage, TaskRunner runner) {
        return show(stage, runner, CaptureViewModel.Loader.DEFAULT);
    }

    /** Builds the main window on {@code stage}, reading captures with {@code loader}. */
    public static WorkbenchViewModel show(Stage stage, TaskRunner runner, CaptureViewModel.Loader loader) {
        WorkbenchViewModel vm = new WorkbenchViewModel(runner, loader);
        WorkbenchView view = new WorkbenchView(vm);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1400, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(WorkbenchApplication.class.getResource("workbench.css").toExternalForm());
        stage.titleProperty().bind(vm.titleProperty());
        stage.setScene(scene);
        stage.show();
        return vm;
    }

    @Override
    public void stop() {
        if (vm != null) {
            // A capture under way finishes its file before the JVM (and its daemon capture thread) ends.
            vm.live().stopAndWait(java.time.Duration.ofSeconds(3));
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
