package io.lookaside.report;

/**
 * One rule's result (see {@code io.lookaside.analysis.Finding}).
 *
 * @param score     0–100 (25: info limit, 75: warning limit)
 * @param severity  {@code OK}, {@code INFO}, {@code WARNING}, or {@code N/A} (the input lacks what the rule needs)
 * @param waitNanos the wait at stake
 */
public record FindingEntry(String rule, String title, double score, String severity, String summary,
                           String explanation, String fix, long waitNanos, EvidenceRefs evidence) {
}
