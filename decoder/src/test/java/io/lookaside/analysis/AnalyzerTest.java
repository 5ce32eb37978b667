package io.lookaside.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.session.Session;
import io.lookaside.whatif.Profile;
import io.lookaside.whatif.WallClock;
import io.lookaside.whatif.Windows;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnalyzerTest {
    private static final Set<Protocol> NINEP = Set.of(Protocol.NINEP);

    /** Getattrs 2 ms apart, each taking 100 µs, with a clunk after each; one connection. */
    static Session trace() {
        NinePTrace t = NinePTrace.create();
        for (int k = 0; k < 5; k++) {
            int tag = 2 * k + 1;
            long start = 2000L * k;
            t.exchange(start, start + 100, r -> r.tgetattr(tag, 1), r -> r.msg(io.lookaside.ninep.NinePTypes.RGETATTR, tag,
                    OperationStatsTest.getattrBody()));
            t.exchange(start + 200, start + 250, r -> r.tclunk(tag + 1, 1), r -> r.rclunk(tag + 1));
        }
        return t.session();
    }

    @Test
    void analyzeSimulatesEachModelAndWindowOnce() {
        Session s = trace();
        TestModel cache = new TestModel("cache", "Tgetattr", true, NINEP);
        TestModel async = new TestModel("async", "Tclunk", false, NINEP);
        List<Profile> profiles = List.of(
                new Profile("both", "Both", "cache at 1 s, async", Protocol.NINEP,
                        List.of(new Profile.Step("cache", 1_000_000_000L), new Profile.Step("async", 0))),
                new Profile("odd", "Odd window", "cache at 5 ms, not in the sweep", Protocol.NINEP,
                        List.of(new Profile.Step("cache", 5_000_000L), new Profile.Step("async", Windows.INFINITE))));
        Analysis a = Analyzer.analyze(s, Lifecycles.of(s), List.of(cache, async), profiles, List.of());
        assertThat(cache.simulated).doesNotHaveDuplicates().hasSize(Windows.SWEEP.size() + 1).contains(5_000_000L);
        assertThat(async.simulated).hasSize(1);
        assertThat(a.whatIf()).extracting(r -> r.model().id()).containsExactly("cache", "async");
        assertThat(a.profiles()).extracting(r -> r.profile().id()).containsExactly("both", "odd");
    }

    @Test
    void analyzeSweepsWindowedModelsAndRepeatsUnwindowedOnes() {
        Session s = trace();
        Analysis a = Analyzer.analyze(s, Lifecycles.of(s), List.of(new TestModel("cache", "Tgetattr", true, NINEP),
                new TestModel("async", "Tclunk", false, NINEP)), List.of(), List.of());
        WhatIfRun cache = a.whatIf().get(0);
        assertThat(cache.sweep()).extracting(WindowResult::windowNanos).containsExactlyElementsOf(Windows.SWEEP);
        // Getattrs are 2 ms apart: windows of 0 and 1 ms catch none, 10 ms and more catch the 4 repeats.
        assertThat(cache.sweep()).extracting(r -> r.savings().savedRoundTrips()).containsExactly(0L, 0L, 4L, 4L, 4L, 4L, 4L);
        assertThat(cache.atInfinity().savings().savedRttNanos()).isEqualTo(4 * 100_000L);
        assertThat(cache.projectedWallNanos()).isEqualTo(a.baseWallNanos() - cache.atInfinity().savings().savedWallNanos());
        WhatIfRun async = a.whatIf().get(1);
        assertThat(async.sweep()).extracting(r -> r.savings().savedRoundTrips()).containsOnly(5L);
        assertThat(async.sweep()).extracting(WindowResult::windowNanos).containsExactlyElementsOf(Windows.SWEEP);
    }

    @Test
    void analyzePredictsCountsAndWaitOfAProfileFromTheUnionOfItsSteps() {
        Session s = trace();
        Profile both = new Profile("both", "Both", "", Protocol.NINEP,
                List.of(new Profile.Step("cache", Windows.INFINITE), new Profile.Step("async", 0)));
        Analysis a = Analyzer.analyze(s, Lifecycles.of(s), List.of(new TestModel("cache", "Tgetattr", true, NINEP),
                new TestModel("async", "Tclunk", false, NINEP)), List.of(both), List.of());
        ProfileRun run = a.profiles().get(0);
        assertThat(a.messageCounts()).containsEntry("Tgetattr", 5L).containsEntry("Rgetattr", 5L)
                .containsEntry("Tclunk", 5L);
        // Four getattrs are removed with their replies; clunks stay on the wire, only off the critical path.
        assertThat(run.predictedCounts()).containsEntry("Tgetattr", 1L).containsEntry("Rgetattr", 1L)
                .containsEntry("Tclunk", 5L).containsEntry("Rclunk", 5L);
        BitSet off = new BitSet();
        for (int i = 0; i < s.size(); i++) {
            String type = s.typeName(i);
            if (type.equals("Tclunk") || (type.equals("Tgetattr") && i > 0)) {
                off.set(i);
            }
        }
        assertThat(run.predictedWaitNanos()).isEqualTo(WallClock.wait(s, off)).isEqualTo(100_000L);
        assertThat(run.savings().savedRoundTrips()).isEqualTo(9);
    }

    @Test
    void analyzeSkipsModelsAndProfilesOfAnotherProtocolOrWithUnknownModels() {
        Session s = trace();
        TestModel fuse = new TestModel("fuse-only", "LOOKUP", true, Set.of(Protocol.FUSE));
        List<Profile> profiles = List.of(
                new Profile("fuse", "FUSE", "", Protocol.FUSE, List.of(new Profile.Step("fuse-only", 0))),
                new Profile("ghost", "Ghost", "", Protocol.NINEP, List.of(new Profile.Step("no-such-model", 0))));
        Analysis a = Analyzer.analyze(s, Lifecycles.of(s), List.of(fuse), profiles, List.of());
        assertThat(a.whatIf()).isEmpty();
        assertThat(a.profiles()).isEmpty();
        assertThat(fuse.simulated).isEmpty();
    }

    @Test
    void analyzeListsAModelThatCannotRunWithItsRemarksAndNoFigures() {
        Session s = trace();
        TestModel blind = new TestModel("blind", "Tgetattr", true, NINEP);
        blind.applicable = false;
        Profile p = new Profile("with-blind", "With blind", "", Protocol.NINEP,
                List.of(new Profile.Step("blind", Windows.INFINITE)));
        Analysis a = Analyzer.analyze(s, Lifecycles.of(s), List.of(blind), List.of(p), List.of());
        assertThat(blind.simulated).isEmpty();
        WhatIfRun run = a.whatIf().get(0);
        assertThat(run.applicable()).isFalse();
        assertThat(run.sweep()).isEmpty();
        assertThat(run.atInfinity()).isNull();
        assertThat(run.remarks()).containsExactly("the test model cannot run here");
        assertThat(run.projectedWallNanos()).isEqualTo(a.baseWallNanos());
        ProfileRun pr = a.profiles().get(0);
        assertThat(pr.applicable()).isFalse();
        assertThat(pr.savings()).isNull();
        assertThat(pr.remarks()).containsExactly("the test model cannot run here");
    }

    @Test
    void analyzeCountsStaleHitsApartFromSavings() {
        NinePTrace t = NinePTrace.create();
        t.exchange(0, 100, r -> r.tgetattr(1, 1), r -> r.msg(io.lookaside.ninep.NinePTypes.RGETATTR, 1, OperationStatsTest.getattrBody()));
        t.newConnection();
        t.exchange(200, 300, r -> r.tgetattr(1, 1), r -> r.msg(io.lookaside.ninep.NinePTypes.RGETATTR, 1, OperationStatsTest.getattrBody()));
        Session s = t.session();
        TestModel cache = new TestModel("cache", "Tgetattr", true, NINEP);
        cache.staleConn = 1;
        Analysis a = Analyzer.analyze(s, Lifecycles.of(s), List.of(cache), List.of(), List.of());
        assertThat(a.whatIf().get(0).atInfinity().savings().staleHits()).isEqualTo(1);
        assertThat(a.whatIf().get(0).atInfinity().savings().savedRoundTrips()).isZero();
    }

    @Test
    void projectionQuotesAModelsProjectedWaitWhenItShows() {
        Session s = trace();
        Analysis a = Analyzer.analyze(s, Lifecycles.of(s), List.of(new TestModel("cache", "Tgetattr", true, NINEP),
                new TestModel("idle", "Tversion", true, NINEP)), List.of(), List.of());
        RuleInput in = new RuleInput(s, a.lifecycles(), a.exchanges(), a.operations(), a.baseWallNanos(),
                Map.of("cache", a.whatIf().get(0), "idle", a.whatIf().get(1)), Set.of(Protocol.NINEP));
        // 5 × 150 µs of wait; the cache removes 4 getattrs of 100 µs.
        assertThat(in.projection("cache")).isEqualTo(" What-if cache: this workload would wait 350 µs instead of 750 µs.");
        assertThat(in.projection("idle")).isEmpty();
        assertThat(in.projection("absent")).isEmpty();
    }

    @Test
    void analyzeSortsFindingsByScoreAndRunsOnlyApplicableRules() {
        Session s = trace();
        Rule low = new FixedRule("low", 10, Set.of(Protocol.NINEP));
        Rule high = new FixedRule("high", 90, Set.of(Protocol.NINEP));
        Rule fuse = new FixedRule("fuse", 50, Set.of(Protocol.FUSE));
        Analysis a = Analyzer.analyze(s, Lifecycles.of(s), List.of(), List.of(), List.of(low, high, fuse));
        assertThat(a.findings()).extracting(Finding::rule).containsExactly("high", "low");
        assertThat(a.findings()).extracting(Finding::severity).containsExactly(Severity.WARNING, Severity.OK);
        assertThat(a.baseWallNanos()).isEqualTo(WallClock.wait(s));
        assertThat(a.operations()).extracting(OperationStats::op).containsExactly("Tgetattr", "Tclunk");
        assertThat(Map.copyOf(a.messageCounts())).hasSize(4);
    }

    private record FixedRule(String id, double score, Set<Protocol> protocols) implements Rule {
        @Override
        public String title() {
            return id;
        }

        @Override
        public Finding evaluate(RuleInput input) {
            return Finding.scored(this, score, id, "", "", 0, Evidence.none());
        }
    }
}
