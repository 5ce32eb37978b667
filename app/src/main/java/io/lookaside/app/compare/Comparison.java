package io.lookaside.app.compare;

import io.lookaside.app.waits.WaitTimeline;
import io.lookaside.app.workbench.Analyzed;
import io.lookaside.app.workbench.TaskContext;
import io.lookaside.report.Diff;
import io.lookaside.report.DiffBuilder;
import java.util.List;

/**
 * Two analysed captures compared: the CLI's diff of their reports, their wait over time on one
 * time base, and their paths aligned.
 */
public record Comparison(Analyzed a, Analyzed b, Diff diff, WaitTimeline timelineA, WaitTimeline timelineB,
                         List<PathAlignment> alignment) {

    /** Off the FX thread; null once {@code ctx} is cancelled. */
    static Comparison of(Analyzed a, Analyzed b, TaskContext ctx) {
        Diff diff = DiffBuilder.build(a.report(), b.report());
        WaitTimeline ta = WaitTimeline.of(a.session(), a.analysis().exchanges(), ctx);
        WaitTimeline tb = ctx.cancelled() ? null : WaitTimeline.of(b.session(), b.analysis().exchanges(), ctx);
        if (ta == null || tb == null || ctx.cancelled()) {
            return null;
        }
        List<PathAlignment> alignment = PathAlignment.of(a.session(), a.analysis().lifecycles(), b.session(),
                b.analysis().lifecycles());
        return ctx.cancelled() ? null : new Comparison(a, b, diff, ta, tb, alignment);
    }
}
