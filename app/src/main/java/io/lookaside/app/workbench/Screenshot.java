package io.lookaside.app.workbench;

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
 * Saves a PNG of the main window once a capture is loaded, filtered, its selected message
 * decoded and its analysis shown, then exits: a deterministic picture for the README. With
 * {@code -Dlookaside.screenshot.tab=whatif} (any {@link Feature}, case-insensitive) the picture
 * shows that tab. With {@code -Dlookaside.screenshot.live=IF} it starts a live capture on
 * interface IF instead of opening a file (9P on port 564 and {@code -Dlookaside.screenshot.live.port},
 * written to a temporary file) and takes the picture {@code -Dlookaside.screenshot.live.seconds}
 * (default 8) into it, while it runs.
 */
final class Screenshot {
    private Screenshot() {
    }

    static void whenShown(Scene scene, WorkbenchViewModel vm, Path out, Feature feature) {
        // Polled rather than wired to the properties: "settled" spans several of them, and
        // listeners would see them mid-update.
        Timeline poll = new Timeline();
        poll.getKeyFrames().add(new KeyFrame(Duration.millis(100), e -> {
            if (vm.capture().failureProperty().get() != null) {
                poll.stop();
                System.err.println("lookaside: " + vm.capture().failureProperty().get().headline() + ": "
                        + vm.capture().failureProperty().get().reason());
                Platform.exit();
            } else if (vm.capture().sessionProperty().get() != null && vm.isSettled()) {
                poll.stop();
                vm.featureProperty().set(feature);
                // The list has the focus as after a click, so the selection shows in its colour.
                Node table = scene.lookup(switch (feature) {
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
                PauseTransition settle = new PauseTransition(Duration.millis(600));
                settle.setOnFinished(f -> save(scene, out));
                settle.play();
            }
        }));
        poll.setCycleCount(Animation.INDEFINITE);
        poll.play();
    }

    /**
     * Saves a PNG of the main window while a live capture runs, {@code after} into it, with
     * {@code feature} on show; then stops the capture and exits. A capture that cannot start
     * says why and exits.
     */
    static void duringCapture(Scene scene, WorkbenchViewModel vm, Path out, Feature feature, Duration after) {
        vm.live().failureProperty().addListener((o, was, why) -> {
            if (!why.isEmpty()) {
                System.err.println("lookaside: " + why);
                Platform.exit();
            }
        });
        PauseTransition wait = new PauseTransition(after);
        wait.setOnFinished(e -> {
            if (!vm.live().runningProperty().get()) {
                System.err.println("lookaside: the capture ended before the screenshot: " + vm.live().countersProperty().get());
                Platform.exit();
                return;
            }
            vm.featureProperty().set(feature);
            PauseTransition settle = new PauseTransition(Duration.millis(600));
            settle.setOnFinished(f -> {
                vm.stopCapture();
                save(scene, out);
            });
            settle.play();
        });
        wait.play();
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
