package io.lookaside.app.workbench;

/** What a background job sees of its task: whether to stop, and where to report progress. */
public interface TaskContext {

    /** True once a newer task of the same key was submitted or the task was cancelled; stop soon. */
    boolean cancelled();

    /** Reports {@code done} of {@code total} units; updates reach the FX thread coalesced. */
    void progress(long done, long total);
}
