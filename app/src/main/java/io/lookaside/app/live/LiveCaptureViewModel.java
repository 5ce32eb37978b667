package io.lookaside.app.live;

import io.lookaside.app.workbench.TaskRunner;
import io.lookaside.capture.CaptureException;
import io.lookaside.capture.live.LiveSource;
import io.lookaside.capture.live.PcapLiveSource;
import io.lookaside.live.LiveSession;
import io.lookaside.live.LiveSession.Snapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A capture under way: a {@link LiveSession} runs as one {@link TaskRunner} partial task, its
 * snapshots (taken on the capture thread every {@link #SNAPSHOT_EVERY}) reach the FX thread as
 * partial results, paced by what the FX thread can take, and Stop ends it with everything kept.
 * The capture thread never waits for the FX thread: a snapshot not yet taken over is replaced by
 * the next one.
 */
public final class LiveCaptureViewModel {
    static final String TASK = "live.capture";
    /** How often the capture thread takes a snapshot; the FX thread takes the newest, at least once a second. */
    static final Duration SNAPSHOT_EVERY = Duration.ofMillis(250);

    /** How a request becomes a source; the workbench listens on interfaces through libpcap. */
    @FunctionalInterface
    public interface Sources {
        /** Makes the source (not started yet); fails in words when the request cannot be met. */
        LiveSource open(LiveRequest request) throws CaptureException;
    }

    /**
     * Listens on an interface through libpcap (or Wireshark's dumpcap where this process may not
     * capture but dumpcap may), writing pcapng or nanosecond pcap.
     */
    public static final Sources PCAP = r -> new PcapLiveSource(PcapLiveSource.Options.of(r.interfaceName(), r.output())
            .withFilter(r.filter()).withPort(r.port()).withOverwrite(r.overwrite())
            .withRing(r.ringFiles(), r.ringSizeMb() * 1_000_000L));

    /** Stop, as the FX thread asks for it and the capture thread sees it. */
    private static final class Control {
        volatile boolean stopped;
        volatile LiveSession session;
        /** The file that holds the end of the capture: the output, or the newest file of a ring. */
        volatile Path file;
        /** Counted down when the capture thread is done with the source (its file complete). */
        final CountDownLatch done = new CountDownLatch(1);

        void stop() {
            stopped = true;
            LiveSession s = session;
            if (s != null) {
                s.stop();
            }
        }
    }

    private final TaskRunner runner;
    private final Sources sources;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<LiveRequest> request = new ReadOnlyObjectWrapper<>(this, "request");
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<Captured> captured = new ReadOnlyObjectWrapper<>(this, "captured");
    private final ReadOnlyStringWrapper counters = new ReadOnlyStringWrapper(this, "counters", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private LiveFigures figures = new LiveFigures();
    private Control control;

    public LiveCaptureViewModel(TaskRunner runner, Sources sources) {
        this.runner = runner;
        this.sources = sources;
    }

    /** Starts capturing as {@code r} asks; a capture already under way is stopped first (its file is kept). */
    public void start(LiveRequest r) {
        stop();
        Control c = new Control();
        control = c;
        figures = new LiveFigures();
        request.set(r);
        snapshot.set(null);
        captured.set(null);
        failure.set("");
        counters.set("Starting the capture on " + r.interfaceName() + " …");
        running.set(true);
        runner.<Snapshot>partialTask(TASK, (ctx, partial) -> {
                    try {
                        return capture(r, sources, c, partial::accept);
                    } finally {
                        c.done.countDown();
                    }
                })
                .onPartial(s -> {
                    if (!s.ended()) {
                        show(s);
                    }
                })
                .onSuccess(last -> {
                    show(last);
                    running.set(false);
                    String summary = LiveFigures.summary(r.interfaceName(), last.messages(), last.elapsed(),
                            last.counters(), last.endReason());
                    counters.set(summary);
                    captured.set(new Captured(c.file, last.session(), summary));
                })
                .onFailure(e -> {
                    running.set(false);
                    counters.set("");
                    failure.set(describe(r, e));
                })
                .start();
    }

    /**
     * On the capture thread: starts the source (a failure to start is the user's to read), runs
     * the session until Stop or a limit, and returns the last snapshot with the complete session.
     */
    private static Snapshot capture(LiveRequest r, Sources sources, Control c, Consumer<Snapshot> partial)
            throws CaptureException {
        LiveSource source = sources.open(r);
        LiveSession session = new LiveSession(source, r.output().toAbsolutePath().toString(),
                new LiveSession.Limits(r.duration(), r.messages()));
        session.start();
        c.session = session;
        if (c.stopped) {
            session.stop(); // Stop came while the source was starting
        }
        AtomicReference<Snapshot> last = new AtomicReference<>();
        session.run(s -> {
            last.set(s);
            partial.accept(s);
        }, SNAPSHOT_EVERY);
        Snapshot end = last.get();
        c.file = source instanceof PcapLiveSource p && !p.files().isEmpty() ? p.files().get(p.files().size() - 1)
                : r.output();
        return end;
    }

    private void show(Snapshot s) {
        figures.add(s.elapsed(), s.messages());
        snapshot.set(s);
        counters.set(LiveFigures.counters(s.messages(), figures.rate(), s.counters()));
    }

    /** Ends the capture under way, if any: the capture thread stops within a tick and everything captured is kept. */
    public void stop() {
        Control c = control;
        if (c != null) {
            c.stop();
        }
    }

    /**
     * Stops the capture under way and waits at most {@code patience} for its file to be
     * complete: the window is closing, and the capture thread dies with the JVM.
     */
    public void stopAndWait(Duration patience) {
        Control c = control;
        if (c == null) {
            return;
        }
        c.stop();
        try {
            c.done.await(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Clears the last capture's summary: another capture is being opened. */
    public void forget() {
        if (!running.get()) {
            counters.set("");
        }
    }

    /** Why a capture could not start, in words: the capture layer's message is already one clear sentence. */
    static String describe(LiveRequest r, Throwable e) {
        String head = "Lookaside cannot capture on " + r.interfaceName() + ": ";
        if (e instanceof CaptureException) {
            return head + e.getMessage();
        }
        System.getLogger(LiveCaptureViewModel.class.getName()).log(System.Logger.Level.ERROR, "live capture failed", e);
        return head + "an internal error (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "). Please report it.";
    }

    /** True from Start until the capture has ended and its last snapshot is shown. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The capture under way or the last one. */
    public ReadOnlyObjectProperty<LiveRequest> requestProperty() {
        return request.getReadOnlyProperty();
    }

    /** The newest snapshot taken over by the FX thread: the rows captured so far and the counters. */
    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** The capture that ended, with its complete session; null while one runs. */
    public ReadOnlyObjectProperty<Captured> capturedProperty() {
        return captured.getReadOnlyProperty();
    }

    /** Messages, rate, bytes and drops while capturing; the summary once it ended. */
    public ReadOnlyStringProperty countersProperty() {
        return counters.getReadOnlyProperty();
    }

    /** Why the last capture could not start or failed, in words; a new failure is a new value. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }
}
