package io.lookaside.analysis;

/**
 * Scores 0–100 as JDK Mission Control's automated analysis does: a measured value goes through
 * a map that passes 25 at the rule's info limit and 75 at its warning limit and approaches 100
 * exponentially, so that scores of different rules compare (RulesToolkit.mapExp100 in JMC).
 *
 * <p>From the info limit on the map is {@code 100 · (1 − 0.75 · 3^(−(x − info) / (warning − info)))}:
 * 25 at the info limit, 75 at the warning limit, and each further (warning − info) cuts the
 * distance to 100 by three. Below the info limit it rises linearly from 0 (nothing measured,
 * nothing to report) to 25.
 */
public final class Score {
    /** The score at a rule's info limit: from here on a finding is INFO. */
    public static final double INFO = 25;
    /** The score at a rule's warning limit: from here on a finding is WARNING. */
    public static final double WARNING = 75;

    private Score() {
    }

    /**
     * The score of {@code value} for a rule whose info limit is {@code infoLimit} (&gt; 0) and
     * warning limit {@code warningLimit} (&gt; infoLimit), rounded to one decimal.
     */
    public static double of(double value, double infoLimit, double warningLimit) {
        if (!(infoLimit > 0) || !(warningLimit > infoLimit)) {
            throw new IllegalArgumentException("limits must satisfy 0 < info (" + infoLimit + ") < warning ("
                    + warningLimit + ")");
        }
        if (!(value > 0)) {
            return 0;
        }
        double y = value < infoLimit
                ? INFO * value / infoLimit
                : 100 * (1 - 0.75 * Math.pow(3, -(value - infoLimit) / (warningLimit - infoLimit)));
        return Math.min(100, Math.round(y * 10) / 10.0);
    }
}
