package io.lookaside.lifecycle;

import io.lookaside.Samples;
import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import java.util.HashMap;
import java.util.Map;

/** Test-only: the real samples loaded once per test JVM, with their lifecycles. */
public final class LoadedSamples {
    /** A loaded sample and its lifecycles. */
    public record Loaded(Session session, Lifecycles lifecycles) {
    }

    private static final Map<String, Loaded> CACHE = new HashMap<>();

    private LoadedSamples() {
    }

    public static synchronized Loaded load(String name) throws CaptureException {
        Loaded l = CACHE.get(name);
        if (l == null) {
            Session s = SessionLoader.load(Samples.path(name), CaptureOptions.DEFAULT, LoadMonitor.NONE);
            l = new Loaded(s, Lifecycles.of(s));
            CACHE.put(name, l);
        }
        return l;
    }
}
