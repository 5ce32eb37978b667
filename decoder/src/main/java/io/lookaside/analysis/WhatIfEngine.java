package io.lookaside.analysis;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.session.Session;
import io.lookaside.whatif.Outcome;
import io.lookaside.whatif.Profile;
import io.lookaside.whatif.Savings;
import io.lookaside.whatif.WallClock;
import io.lookaside.whatif.WhatIfModel;
import io.lookaside.whatif.Windows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the what-if models over a capture: every applicable model over {@link Windows#SWEEP},
 * and every applicable profile as the union of its steps. Each (model, window) is simulated once
 * and its figures derived once, whether the sweep or a profile asks for it; a model whose window
 * does not matter is simulated once for all windows.
 *
 * <p>The models' simulations are independent (each reads the session and the lifecycles, both
 * read-only, and keeps its own state), so they run on every core (the common fork-join pool),
 * one job per model with all its windows; the results are put together in the same order
 * whatever order they finish in. The models are
 * about four fifths of a report's time (docs/performance.md).
 */
final class WhatIfEngine {
    private final Session session;
    private final Lifecycles lifecycles;
    private final Map<String, WhatIfModel> models = new LinkedHashMap<>();
    private final WallClock.Index wall;
    private final long baseWallNanos;
    private final Map<String, WindowResult> done = new HashMap<>();
    private final Map<String, Boolean> applicable = new HashMap<>();
    private final Map<List<Profile.Step>, Outcome> unions = new HashMap<>();
    private final Savings.Types types;
    private final Map<String, Long> messageCounts;

    WhatIfEngine(Session session, Lifecycles lifecycles, List<WhatIfModel> models, WallClock.Index wall,
                 Savings.Types types, Map<String, Long> messageCounts) {
        this.session = session;
        this.types = types;
        this.messageCounts = messageCounts;
        this.lifecycles = lifecycles;
        this.wall = wall;
        this.baseWallNanos = wall.total();
        Set<Protocol> present = protocols(session);
        for (WhatIfModel m : models) {
            if (m.protocols().stream().anyMatch(present::contains)) {
                this.models.put(m.id(), m);
            }
        }
    }

    static Set<Protocol> protocols(Session s) {
        Set<Protocol> present = java.util.EnumSet.noneOf(Protocol.class);
        s.connections().forEach(c -> present.add(c.protocol()));
        return present;
    }

    /**
     * Every model of the capture's protocols over the sweep, in the order given; a model that
     * cannot run on this capture (its {@code applicable} says so) is listed with its remarks only.
     * The windows the given profiles' steps ask for are simulated in the same call as the
     * sweep's (one pass of each model), for {@link #profiles} to find.
     */
    List<WhatIfRun> sweeps(List<Profile> profiles) {
        Map<String, List<Long>> extra = new HashMap<>();
        for (Profile p : runnable(profiles)) {
            for (Profile.Step st : p.steps()) {
                WhatIfModel m = models.get(st.modelId());
                if (applicable(m)) {
                    extra.computeIfAbsent(m.id(), id -> new ArrayList<>()).add(st.windowNanos());
                }
            }
        }
        simulateAll(models.values().stream().filter(this::applicable).toList(), extra);
        List<WhatIfRun> runs = new ArrayList<>();
        for (WhatIfModel m : models.values()) {
            List<WindowResult> sweep = new ArrayList<>();
            boolean applicable = applicable(m);
            if (applicable) {
                for (long w : Windows.SWEEP) {
                    sweep.add(at(m, w));
                }
            }
            runs.add(new WhatIfRun(m, sweep, baseWallNanos, applicable, m.remarks(session)));
        }
        return runs;
    }

    /**
     * Simulates every (model, window) of the sweep and of {@code extra} (windows by model id)
     * not simulated yet: one job per model, all its windows in one call (a model may then decode
     * each message once for all of them), the jobs in parallel.
     */
    private void simulateAll(List<WhatIfModel> sweep, Map<String, List<Long>> extra) {
        Map<String, WindowResult> results = new ConcurrentHashMap<>();
        sweep.parallelStream().forEach(m -> {
            List<Long> windows = new ArrayList<>(Windows.SWEEP);
            windows.addAll(extra.getOrDefault(m.id(), List.of()));
            List<Long> keys = windows.stream().map(w -> keyOf(m, w)).distinct()
                    .filter(k -> !done.containsKey(m.id() + '@' + k)).toList();
            if (keys.isEmpty()) {
                return;
            }
            List<Outcome> outcomes = m.simulate(session, lifecycles, keys);
            for (int k = 0; k < keys.size(); k++) {
                Outcome o = outcomes.get(k);
                results.put(m.id() + '@' + keys.get(k), new WindowResult(keys.get(k), o, Savings.of(session, o, wall, types)));
            }
        });
        done.putAll(results);
    }

    /** The profiles of a protocol of the capture whose models all exist here. */
    private List<Profile> runnable(List<Profile> profiles) {
        Set<Protocol> present = protocols(session);
        return profiles.stream()
                .filter(p -> present.contains(p.protocol()) && p.steps().stream().allMatch(st -> models.containsKey(st.modelId())))
                .toList();
    }

    private boolean applicable(WhatIfModel m) {
        return applicable.computeIfAbsent(m.id(), id -> m.applicable(session));
    }

    /**
     * Every profile of a protocol of the capture whose models all exist; one whose models cannot
     * all run on this capture is listed as not applicable, with their remarks. Predicted counts
     * remove a request together with its reply, whichever of the two a model marked.
     */
    List<ProfileRun> profiles(List<Profile> profiles) {
        List<ProfileRun> runs = new ArrayList<>();
        for (Profile p : runnable(profiles)) {
            List<String> remarks = new ArrayList<>();
            boolean all = true;
            for (Profile.Step st : p.steps()) {
                WhatIfModel m = models.get(st.modelId());
                all &= applicable(m);
                m.remarks(session).stream().filter(r -> !remarks.contains(r)).forEach(remarks::add);
            }
            if (!all) {
                runs.add(new ProfileRun(p, null, null, Map.of(), baseWallNanos, false, remarks));
                continue;
            }
            Outcome union = union(p.steps());
            Savings savings = Savings.of(session, union, wall, types);
            Map<String, Long> predicted = TypeCounts.plus(
                    TypeCounts.minus(messageCounts, types.count(withPeers(union.eliminated()))), union.added());
            runs.add(new ProfileRun(p, union, savings, predicted, baseWallNanos - savings.savedWallNanos(), true, remarks));
        }
        return runs;
    }

    /**
     * The union of the steps' outcomes. Profiles build on one another (cache=loose, then loose
     * with negative dentries, …): the union of a list's first steps is kept and extended.
     */
    private Outcome union(List<Profile.Step> steps) {
        if (steps.isEmpty()) {
            return Outcome.empty();
        }
        Outcome known = unions.get(steps);
        if (known == null) {
            Profile.Step last = steps.get(steps.size() - 1);
            known = union(steps.subList(0, steps.size() - 1)).union(at(models.get(last.modelId()), last.windowNanos()).outcome());
            unions.put(List.copyOf(steps), known);
        }
        return known;
    }

    /** How many simulations ran (each (model, window) at most once). */
    int simulations() {
        return done.size();
    }

    private WindowResult at(WhatIfModel m, long window) {
        long key = keyOf(m, window);
        return done.computeIfAbsent(m.id() + '@' + key, k -> simulate(m, key)).withWindow(window);
    }

    /** A model that ignores its window gives the same outcome at every window: one key for all. */
    private static long keyOf(WhatIfModel m, long window) {
        return m.windowed() ? window : Windows.INFINITE;
    }

    private WindowResult simulate(WhatIfModel m, long key) {
        Outcome o = m.simulate(session, lifecycles, key);
        return new WindowResult(key, o, Savings.of(session, o, wall, types));
    }

    /** The eliminated messages and their peers (a model may mark either side of an exchange). */
    private BitSet withPeers(BitSet eliminated) {
        int size = session.size();
        long[] marked = eliminated.toLongArray();
        long[] all = Arrays.copyOf(marked, Math.max(marked.length, (size + 63) >>> 6));
        for (int w = 0; w < marked.length; w++) {
            long word = marked[w];
            while (word != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
                if (i >= size) {
                    break;
                }
                int p = session.peer(i);
                if (p >= 0) {
                    all[p >>> 6] |= 1L << p;
                }
            }
        }
        return BitSet.valueOf(all);
    }
}
