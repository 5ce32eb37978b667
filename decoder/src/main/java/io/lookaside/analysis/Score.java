package io.lookaside.analysis;

/**
 * Scores 0–100 as JDK Mission Control's automated analysis does: a measured value goes through
 * an exponential map that passes 25 at the rule's info limit and 75 at its warning limit and
 * approaches 100, so that scores of different rules compare (RulesToolkit.mapExp100 in JMC).
 *
 * <p>The map is {@code 100 · (1 − e^(−k·(x − x0)))}, clamped at 0, with k and x0 chosen so that
 * it meets both points: {@code k = ln 3 / (warning − info)}, {@code x0 = info − ln(4/3) / k}.
 * Below x0 the score is 0.
 */
public final class Score {
    /** The score at a rule's info limit: from here on a finding is INFO. */
    public static final double INFO = 25;
    /** The score at a rule's warning limit: from here on a finding is WARNING. */
    public static final double WARNING = 75;

    private Score() {
    }

    /**
     * The score of {@code value} for a rule whose info limit is {@code infoLimit} and warning
     * limit {@code warningLimit} (warningLimit &gt; infoLimit), rounded to one decimal.
     */
    public static double of(double value, double infoLimit, double warningLimit) {
        if (!(warningLimit > infoLimit)) {
            throw new IllegalArgumentException("warning limit " + warningLimit + " must exceed info limit " + infoLimit);
        }
        if (Double.isNaN(value)) {
            return 0;
        }
        double k = Math.log(3) / (warningLimit - infoLimit);
        double x0 = infoLimit - Math.log(4.0 / 3.0) / k;
        double y = value <= x0 ? 0 : 100 * (1 - Math.exp(-k * (value - x0)));
        return Math.min(100, Math.round(y * 10) / 10.0);
    }
}
