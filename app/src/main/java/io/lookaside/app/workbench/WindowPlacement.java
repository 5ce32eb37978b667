package io.lookaside.app.workbench;

import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Where the main window goes and how big it is: the remembered bounds clamped to the screens
 * (a window saved on a monitor since unplugged comes back on one that is there), and a size
 * that holds under a window manager. JavaFX 21's GTK glass shows a stage at 200×200 when a
 * window manager (openbox) maps it before the stage's own size request arrives: three starts
 * in four under openbox on Xvfb came up 200×200 (measured with xwininfo). The stage gets its
 * size again after it is shown until the window has it, for a bounded time.
 */
final class WindowPlacement {
    static final double DEFAULT_WIDTH = 1400;
    static final double DEFAULT_HEIGHT = 900;
    static final double MIN_WIDTH = 640;
    static final double MIN_HEIGHT = 400;
    /** How long after showing the window gets its size again, if the window manager shrank it. */
    private static final Duration ENFORCE_FOR = Duration.seconds(3);
    private static final Duration ENFORCE_EVERY = Duration.millis(250);
    /** A difference in size smaller than this is the window manager's decorations. */
    private static final double TOLERANCE = 40;

    private WindowPlacement() {
    }

    /**
     * The bounds to use: {@code wanted} (null: the default size, centred on the primary screen)
     * made to fit the screen it is most on, or the primary screen when it is on none.
     */
    static Rectangle2D clamp(Rectangle2D wanted, List<Rectangle2D> screens, Rectangle2D primary) {
        Rectangle2D screen = primary;
        double best = 0;
        if (wanted != null) {
            for (Rectangle2D s : screens) {
                double overlap = overlap(wanted, s);
                if (overlap > best) {
                    best = overlap;
                    screen = s;
                }
            }
        }
        double w = Math.min(screen.getWidth(), Math.max(MIN_WIDTH, wanted == null ? DEFAULT_WIDTH : wanted.getWidth()));
        double h = Math.min(screen.getHeight(), Math.max(MIN_HEIGHT, wanted == null ? DEFAULT_HEIGHT : wanted.getHeight()));
        double x;
        double y;
        if (wanted == null || best == 0) {
            x = screen.getMinX() + (screen.getWidth() - w) / 2;
            y = screen.getMinY() + (screen.getHeight() - h) / 2;
        } else {
            x = Math.max(screen.getMinX(), Math.min(wanted.getMinX(), screen.getMaxX() - w));
            y = Math.max(screen.getMinY(), Math.min(wanted.getMinY(), screen.getMaxY() - h));
        }
        return new Rectangle2D(x, y, w, h);
    }

    private static double overlap(Rectangle2D a, Rectangle2D b) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return w <= 0 || h <= 0 ? 0 : w * h;
    }

    /** Places {@code stage} at {@code bounds}, shows it and keeps its size through the window manager's first moves. */
    static void show(Stage stage, Rectangle2D bounds, boolean maximised) {
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        stage.show();
        if (maximised) {
            stage.setMaximized(true);
            return;
        }
        Timeline enforce = new Timeline(new KeyFrame(ENFORCE_EVERY, e -> {
            // The glitch leaves the window at 200×200 (with a minimum size set on the stage, at
            // that minimum, which the stage then does not report): only a size smaller than the
            // workbench's own minimum is put right, so a size the user gives it is kept. (A stage
            // minimum size is not set for that reason.)
            boolean glitch = stage.getWidth() < MIN_WIDTH - TOLERANCE || stage.getHeight() < MIN_HEIGHT - TOLERANCE;
            if (!stage.isMaximized() && glitch && bounds.getWidth() >= MIN_WIDTH && bounds.getHeight() >= MIN_HEIGHT) {
                stage.setWidth(bounds.getWidth());
                stage.setHeight(bounds.getHeight());
            }
        }));
        enforce.setCycleCount((int) (ENFORCE_FOR.toMillis() / ENFORCE_EVERY.toMillis()));
        enforce.play();
    }
}
