package io.lookaside.app.testing;

import io.lookaside.Samples;
import io.lookaside.app.workbench.Analyzed;
import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real samples loaded and analysed once per test JVM, as the workbench's analysis task does it. */
public final class AnalyzedSamples {
    private static final Map<String, Analyzed> CACHE = new ConcurrentHashMap<>();

    private AnalyzedSamples() {
    }

    public static Analyzed get(String sample) {
        return CACHE.computeIfAbsent(sample, AnalyzedSamples::analyze);
    }

    public static Session session(String sample) throws CaptureException {
        return SessionLoader.load(Samples.path(sample), CaptureOptions.DEFAULT, LoadMonitor.NONE);
    }

    private static Analyzed analyze(String sample) {
        try {
            return Analyzed.of(session(sample));
        } catch (CaptureException e) {
            throw new IllegalStateException(sample + ": " + e.getMessage(), e);
        }
    }
}
