package io.lookaside.analysis;

/** How much a finding matters, told by its score as JDK Mission Control tells it. */
public enum Severity {
    /** Score below 25: nothing to act on. */
    OK,
    /** Score 25 to below 75: worth a look. */
    INFO,
    /** Score 75 and above: this is costing real wait. */
    WARNING,
    /**
     * Not applicable (JMC's N/A): this input does not carry what the rule needs (names, bodies), so
     * it cannot judge; never read as OK.
     */
    NA;

    /** How the severity is shown: {@code N/A} for {@link #NA}, else its name. */
    public String label() {
        return this == NA ? "N/A" : name();
    }

    /** The severity of a score 0–100: below {@link Score#INFO} OK, below {@link Score#WARNING} INFO, else WARNING. */
    public static Severity of(double score) {
        if (score >= Score.WARNING) {
            return WARNING;
        }
        return score >= Score.INFO ? INFO : OK;
    }
}
