package io.lookaside.live;

import io.lookaside.capture.live.PcapLiveSource;
import io.lookaside.session.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A LiveSession on an interface, run on its own thread while the test makes traffic. */
final class Capturing implements AutoCloseable {
    final PcapLiveSource source;
    final LiveSession session;
    final Path file;
    final List<LiveSession.Snapshot> snapshots = new CopyOnWriteArrayList<>();
    final CompletableFuture<Session> result = new CompletableFuture<>();
    private final Thread thread;

    Capturing(PcapLiveSource.Options options, LiveSession.Limits limits) throws Exception {
        this.file = options.output();
        this.source = new PcapLiveSource(options);
        this.session = new LiveSession(source, file.toString(), limits);
        session.start();
        thread = new Thread(() -> {
            try {
                result.complete(session.run(snapshots::add, Duration.ofMillis(200)));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "live-capture");
        thread.start();
    }

    /** Stops and waits for the session. */
    Session stop() throws Exception {
        session.stop();
        return await(20);
    }

    Session await(int seconds) throws Exception {
        return result.get(seconds, TimeUnit.SECONDS);
    }

    LiveSession.Snapshot last() {
        return snapshots.get(snapshots.size() - 1);
    }

    @Override
    public void close() throws InterruptedException {
        session.stop();
        thread.join(20_000);
    }
}
