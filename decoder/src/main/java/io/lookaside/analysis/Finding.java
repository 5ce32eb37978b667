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

    /** The rule cannot judge from this input ({@code why}: what it lacks); severity N/A, never OK. */
    public static Finding notApplicable(Rule rule, String why) {
        return new Finding(rule.id(), rule.title(), 0, Severity.NA, why, "", "", 0, Evidence.none());
    }

    /**
     * This finding scored by the share of all request wait it concerns ({@code totalWaitNanos}):
     * 25 (INFO) at {@link #INFO_WAIT_SHARE}, 75 (WARNING) at {@link #WARNING_WAIT_SHARE}; the summary
     * says the share. N/A findings and findings without wait at stake are returned as they are.
     */
    public Finding byWaitShare(long totalWaitNanos) {
        if (severity == Severity.NA || waitNanos <= 0 || totalWaitNanos <= 0) {
            return this;
        }
        double share = (double) waitNanos / totalWaitNanos;
        double s = Score.of(share, INFO_WAIT_SHARE, WARNING_WAIT_SHARE);
        String stake = " At stake: " + Durations.format(waitNanos) + ", " + Durations.percent(share)
                + " of all request wait.";
        return new Finding(rule, title, s, Severity.of(s), summary + stake, explanation, fix, waitNanos, evidence);
    }

    /** The share of all request wait at which a finding is worth a look (INFO). */
    public static final double INFO_WAIT_SHARE = 0.02;
    /** The share of all request wait at which a finding is a WARNING. */
    public static final double WARNING_WAIT_SHARE = 0.10;

    /** Nothing found: score 0, severity OK. */
    public static Finding ok(Rule rule, String summary) {
        return new Finding(rule.id(), rule.title(), 0, Severity.OK, summary, "", "", 0, Evidence.none());
    }
}
