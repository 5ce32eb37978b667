package io.lookaside.app.workbench;

import io.lookaside.app.messages.MessageColumn;
import io.lookaside.app.messages.MessagesViewModel;
import io.lookaside.app.messages.SortKey;
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
 * With {@code -Dlookaside.screenshot.live=IF} it starts a live capture on
 * interface IF instead of opening a file (9P on port 564 and {@code -Dlookaside.screenshot.live.port},
 * written to a temporary file) and takes the picture {@code -Dlookaside.screenshot.live.seconds}
 * (default 8) into it, while it runs.
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
        boolean[] staged = {false};
        poll.getKeyFrames().add(new KeyFrame(Duration.millis(100), e -> {
            WorkbenchViewModel vm = frame.activeProperty().get().viewModel();
            LoadFailure failure = frame.editors().stream().map(x -> x.viewModel().capture().failureProperty().get())
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (failure != null) {
                poll.stop();
                System.err.println("lookaside: " + failure.headline() + ": " + failure.reason());
                Platform.exit();
            } else if (vm.capture().sessionProperty().get() != null && frame.isSettled() && !staged[0]) {
                staged[0] = true;
                stage(vm); // the message list as the picture should show it; then settle again
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
                settle.setOnFinished(f -> {
                    selectExtras(scene);
                    PauseTransition shown = new PauseTransition(Duration.millis(400));
                    shown.setOnFinished(g -> save(scene, out));
                    shown.play();
                });
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

    /**
     * {@code -Dlookaside.screenshot.columns=fid,ecode} adds custom columns and
     * {@code -Dlookaside.screenshot.sort=-rtt} sorts by a column (a built-in column's name or a
     * field; {@code -} for descending), as a user would before the picture.
     */
    private static void stage(WorkbenchViewModel vm) {
        String columns = System.getProperty("lookaside.screenshot.columns", "");
        for (String c : columns.split(",")) {
            if (!c.isBlank()) {
                vm.messages().addColumn(c.strip());
            }
        }
        String sort = System.getProperty("lookaside.screenshot.sort", "").strip();
        if (!sort.isEmpty()) {
            boolean descending = sort.startsWith("-");
            String name = descending ? sort.substring(1) : sort;
            MessageColumn c = java.util.Arrays.stream(MessagesViewModel.Column.values())
                    .filter(x -> x.name().equalsIgnoreCase(name)).findFirst().map(MessageColumn::of)
                    .orElse(MessageColumn.field(name));
            vm.messages().sortBy(new SortKey(c, descending));
        }
    }

    /**
     * {@code -Dlookaside.screenshot.field=fid} selects that line of the detail tree (its bytes
     * highlighted); {@code -Dlookaside.screenshot.subtab=whatIfAllModelsTab} selects a sub-tab.
     */
    @SuppressWarnings("unchecked")
    private static void selectExtras(Scene scene) {
        String field = System.getProperty("lookaside.screenshot.field", "").strip();
        if (!field.isEmpty() && scene.lookup("#detailTree") instanceof javafx.scene.control.TreeTableView<?> t) {
            javafx.scene.control.TreeTableView<io.lookaside.app.messages.DetailNode> tree =
                    (javafx.scene.control.TreeTableView<io.lookaside.app.messages.DetailNode>) t;
            for (int r = 0; r < tree.getExpandedItemCount(); r++) {
                if (tree.getTreeItem(r).getValue().name().equals(field)) {
                    tree.getSelectionModel().select(r);
                    break;
                }
            }
        }
        String tab = System.getProperty("lookaside.screenshot.subtab", "").strip();
        for (Node n : scene.getRoot().lookupAll(".tab-pane")) {
            javafx.scene.control.TabPane p = (javafx.scene.control.TabPane) n;
            p.getTabs().stream().filter(x -> tab.equals(x.getId())).findFirst().ifPresent(x -> p.getSelectionModel().select(x));
        }
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
