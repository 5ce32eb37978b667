package io.lookaside.app.workbench;

import io.lookaside.analysis.Analysis;
import io.lookaside.analysis.Analyzer;
import io.lookaside.report.Report;
import io.lookaside.report.ReportBuilder;
import io.lookaside.session.Session;

/**
 * What the analysis engine derived from one loaded session, as the analysis features read it:
 * the engine's results ({@link Analysis}: outcomes, lifecycles, findings with their evidence) and
 * the report built from them ({@link Report}: the same figures as {@code lookaside report}
 * writes them, so the workbench and the exported file never disagree).
 */
public record Analyzed(Session session, Analysis analysis, Report report) {

    /** Runs the engine over {@code s} and builds its report with {@code lookaside report}'s defaults. */
    public static Analyzed of(Session s) {
        return of(s, Analyzer.analyze(s));
    }

    /** The report of an analysis, built with {@code lookaside report}'s defaults. */
    public static Analyzed of(Session s, Analysis a) {
        return new Analyzed(s, a, ReportBuilder.build(a, ReportBuilder.Options.DEFAULT));
    }
}
