package io.lookaside.app.workbench;

import io.lookaside.app.capture.LoadFailure;
import io.lookaside.app.workbench.WorkbenchViewModel.Feature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Saves a PNG of the main window once every capture is loaded, filtered, its selected message
 * decoded and its analysis shown, then exits: a deterministic picture for the README. With
 * {@code -Dlookaside.screenshot.tab=whatif} (any {@link Feature}, case-insensitive) the picture
 * shows that view; with {@code compare}, the Compare perspective once both captures are compared
 * ({@code --compare A B} picks it by itself); with {@code live}, the Live Capture perspective.
 */
final class Screenshot {
    private Screenshot() {
    }

    static void whenShown(Scene scene, WorkbenchFrame frame, Path out, String view) {
        boolean compare = "compare".equalsIgnoreCase(view);
        boolean live = "live".equalsIgnoreCase(view);
        Feature feature = compare || live ? Feature.MESSAGES : Feature.valueOf(view.toUpperCase(java.util.Locale.ROOT));
        // Polled rather than wired to the properties: "settled" spans several of them, and
        // listeners would see them mid-update.
        Timeline poll = new Timeline();
        poll.getKeyFrames().add(new KeyFrame(Duration.millis(100), e -> {
            WorkbenchViewModel vm = frame.activeProperty().get().viewModel();
            LoadFailure failure = frame.editors().stream().map(x -> x.viewModel().capture().failureProperty().get())
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (failure != null) {
                poll.stop();
                System.err.println("lookaside: " + failure.headline() + ": " + failure.reason());
                Platform.exit();
            } else if (vm.capture().sessionProperty().get() != null && frame.isSettled()) {
                poll.stop();
                if (compare) {
                    frame.perspectiveProperty().set(WorkbenchFrame.Perspective.COMPARE);
                } else if (live) {
                    frame.perspectiveProperty().set(WorkbenchFrame.Perspective.LIVE);
                } else {
                    vm.featureProperty().set(feature);
                }
                // The list has the focus as after a click, so the selection shows in its colour.
                Node table = scene.lookup(compare ? "#compareOperations" : switch (feature) {
                    case MESSAGES -> "#messageTable";
                    case FINDINGS -> "#findingsTable";
                    case WAITS -> "#waitsTable";
                    case WHATIF -> "#whatIfTable";
                    case LIFECYCLES -> "#fidTable";
                    case DIAGNOSTICS -> "#diagnosticsList";
                });
                if (table != null) {
                    table.requestFocus();
                }
                // Let layout and the table's cells settle before taking the picture.
                PauseTransition settle = new PauseTransition(Duration.millis(compare ? 1200 : 600));
                settle.setOnFinished(f -> save(scene, out));
                settle.play();
            }
        }));
        poll.setCycleCount(Animation.INDEFINITE);
        poll.play();
    }

    private static void save(Scene scene, Path out) {
        WritableImage image = scene.snapshot(null);
        try {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
            System.err.println("lookaside: screenshot saved to " + out);
        } catch (IOException e) {
            System.err.println("lookaside: cannot save the screenshot: " + e.getMessage());
        }
        Platform.exit();
    }
}
