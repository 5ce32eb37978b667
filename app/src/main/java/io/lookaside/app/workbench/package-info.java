/**
 * The main window ({@link io.lookaside.app.workbench.WorkbenchView} over
 * {@link io.lookaside.app.workbench.WorkbenchViewModel}), the one background pattern
 * ({@link io.lookaside.app.workbench.TaskRunner}) and the entry point
 * ({@link io.lookaside.app.workbench.Launcher}). Each feature lives in its own package
 * ({@code messages}, {@code capture}; later {@code lifecycles}, {@code whatif}, {@code waits},
 * {@code findings}) as a code-built {@code *View} that only lays out and binds, and a
 * {@code *ViewModel} holding JavaFX properties; a feature joins the window as a tab here and a
 * {@link io.lookaside.app.workbench.WorkbenchViewModel.Feature}, and is fed the loaded session.
 */
package io.lookaside.app.workbench;
