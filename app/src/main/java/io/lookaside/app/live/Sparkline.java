package io.lookaside.app.live;

import javafx.scene.layout.Region;
import javafx.scene.shape.Polyline;

/**
 * A small line of recent packet rates, as on Wireshark's start page: the newest at the right,
 * scaled to the highest rate shown, flat at the bottom for an idle interface.
 */
final class Sparkline extends Region {
    static final double WIDTH = 120;
    static final double HEIGHT = 18;

    private final Polyline line = new Polyline();
    private double[] rates = new double[0];

    Sparkline() {
        getStyleClass().add("sparkline");
        line.getStyleClass().add("sparkline-line");
        getChildren().add(line);
        setMinSize(WIDTH, HEIGHT);
        setPrefSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
    }

    /** Shows {@code r}, oldest first; null or empty shows nothing. */
    void show(double[] r) {
        rates = r == null ? new double[0] : r;
        line.getPoints().clear();
        if (rates.length == 0) {
            return;
        }
        double max = 0;
        for (double v : rates) {
            max = Math.max(max, v);
        }
        int slots = InterfaceRow.HISTORY;
        double step = WIDTH / (slots - 1);
        Double[] points = new Double[rates.length * 2];
        for (int k = 0; k < rates.length; k++) {
            double x = WIDTH - (rates.length - 1 - k) * step;
            double y = HEIGHT - 1 - (max <= 0 ? 0 : (HEIGHT - 2) * rates[k] / max);
            points[2 * k] = x;
            points[2 * k + 1] = y;
        }
        line.getPoints().setAll(points);
    }

    /** The rates on show, oldest first (tests read them). */
    double[] rates() {
        return rates.clone();
    }
}
