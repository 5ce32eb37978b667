/**
 * The main window ({@link io.lookaside.app.workbench.WorkbenchView} over
 * {@link io.lookaside.app.workbench.WorkbenchViewModel}), the one background pattern
 * ({@link io.lookaside.app.workbench.TaskRunner}), the one analysis per loaded session
 * ({@link io.lookaside.app.workbench.AnalysisViewModel}), the report export
 * ({@link io.lookaside.app.workbench.ReportExport}) and the entry point
 * ({@link io.lookaside.app.workbench.Launcher}). Each feature lives in its own package
 * ({@code messages}, {@code capture}, {@code findings}, {@code waits}, {@code whatif},
 * {@code lifecycles}) as a code-built {@code *View} that only lays out and binds, and a
 * {@code *ViewModel} holding JavaFX properties; a feature joins the window as a tab here and a
 * {@link io.lookaside.app.workbench.WorkbenchViewModel.Feature}, and is fed the loaded session
 * or its analysis. Features never depend on each other: evidence opens a message through
 * {@link io.lookaside.app.workbench.WorkbenchViewModel#showMessage(int)}.
 */
package io.lookaside.app.workbench;
