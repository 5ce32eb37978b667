package io.lookaside.app.workbench;

import io.lookaside.app.capture.LoadFailure;
import io.lookaside.app.messages.MessagesViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Saves a PNG of the main window once a capture is loaded, filtered and its selected message
 * decoded, then exits: a deterministic picture for the README.
 */
final class Screenshot {
    private Screenshot() {
    }

    static void whenShown(Scene scene, WorkbenchViewModel vm, Path out) {
        MessagesViewModel m = vm.messages();
        InvalidationListener check = new InvalidationListener() {
            @Override
            public void invalidated(Observable o) {
                boolean ready = vm.capture().sessionProperty().get() != null && !m.filteringProperty().get()
                        && (m.selectedProperty().get() < 0 || m.detailProperty().get() != null);
                if (!ready) {
                    return;
                }
                m.filteringProperty().removeListener(this);
                m.detailProperty().removeListener(this);
                vm.capture().sessionProperty().removeListener(this);
                // Let layout and the table's cells settle before taking the picture.
                PauseTransition settle = new PauseTransition(Duration.millis(800));
                settle.setOnFinished(e -> save(scene, out));
                settle.play();
            }
        };
        m.filteringProperty().addListener(check);
        m.detailProperty().addListener(check);
        vm.capture().sessionProperty().addListener(check);
        vm.capture().failureProperty().addListener((o, was, f) -> fail(f));
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

    private static void fail(LoadFailure f) {
        if (f != null) {
            System.err.println("lookaside: " + f.headline() + ": " + f.reason());
            Platform.exit();
        }
    }
}
