package io.lookaside.analysis;

import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.session.Session;
import io.lookaside.whatif.Models;
import io.lookaside.whatif.Profiles;

/**
 * The analysis of a session that is still arriving (a live capture, or the prefixes a loader
 * hands out), for a view that shows it while it grows. Feed it the grown session as often as it
 * grows ({@link #update}); take an {@link Analysis} whenever one is wanted ({@link #snapshot}).
 *
 * <p>The lifecycles pass (fids, node ids, handles, paths, dentries) is a stream: each message is
 * read once, when it arrives, and its state is kept between updates ({@link Lifecycles.Stream}).
 * A snapshot covers the <em>settled</em> prefix: every row up to the first Tclunk, Tremove or FUSE
 * RELEASE still waiting for its reply, whose outcome depends on whether the reply ever comes
 * (in a live capture, a few messages behind the newest). It equals the batch analysis
 * ({@link Analyzer#analyze(Session)}) of that prefix, {@code session.prefix(settled())}:
 * LiveAnalysisTest checks it after every batch of randomly sized batches of real samples.
 * The what-if models, the wait statistics and the rules are computed at the snapshot, over
 * the settled prefix, from the streamed lifecycles (docs/performance.md, "Streaming").
 *
 * <p>Not thread-safe: one thread feeds and takes snapshots; the {@link Analysis} it returns is
 * immutable and may be handed to another thread.
 */
public final class LiveAnalysis {
    private final Lifecycles.Stream lifecycles = new Lifecycles.Stream();
    private Session session;
    private boolean complete;

    /** Feeds the rows of {@code grown} (the session as it is now) that were not fed yet. */
    public void update(Session grown) {
        feed(grown, false);
    }

    /** Feeds the whole session once loading or capturing has ended: every row settles. */
    public void complete(Session whole) {
        feed(whole, true);
    }

    private void feed(Session grown, boolean whole) {
        if (complete) {
            throw new IllegalStateException("the session was already complete");
        }
        session = grown;
        complete = whole;
        lifecycles.update(grown, whole);
    }

    /** How many rows the next snapshot covers. */
    public int settled() {
        return lifecycles.settled();
    }

    /** The analysis of the settled prefix; an empty analysis before the first row. */
    public Analysis snapshot() {
        if (session == null) {
            throw new IllegalStateException("nothing was fed yet");
        }
        Session settled = session.prefix(lifecycles.settled());
        return Analyzer.analyze(settled, lifecycles.snapshot(), Models.ALL, Profiles.ALL, Rules.ALL);
    }
}
