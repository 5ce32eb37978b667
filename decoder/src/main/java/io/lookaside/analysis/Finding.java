package io.lookaside.analysis;

/**
 * The result of one rule on one capture, as JDK Mission Control's automated analysis page shows
 * a rule result: a score 0–100 and its severity, a one-line summary with the numbers, an
 * explanation of what it means, what to change in the user's terms (a mount option, a daemon
 * flag, a workload change), and the messages, fids and paths it is based on.
 *
 * @param rule        the rule's stable id ({@code negative-lookups})
 * @param title       the rule's title
 * @param score       0–100, see {@link Score}
 * @param summary     one line with the numbers
 * @param explanation why it matters, in a few sentences
 * @param fix         what to change; empty when there is nothing to do
 * @param waitNanos   the wait at stake: request→reply time of the requests concerned (0 when none)
 */
public record Finding(String rule, String title, double score, Severity severity, String summary,
                      String explanation, String fix, long waitNanos, Evidence evidence) {

    /** A finding whose severity follows its score. */
    public static Finding scored(Rule rule, double score, String summary, String explanation, String fix,
                                 long waitNanos, Evidence evidence) {
        return new Finding(rule.id(), rule.title(), score, Severity.of(score), summary, explanation, fix,
                waitNanos, evidence);
    }

    /** Nothing found: score 0, severity OK. */
    public static Finding ok(Rule rule, String summary) {
        return new Finding(rule.id(), rule.title(), 0, Severity.OK, summary, "", "", 0, Evidence.none());
    }
}
