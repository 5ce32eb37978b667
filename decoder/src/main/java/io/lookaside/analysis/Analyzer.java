package io.lookaside.analysis;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.session.Session;
import io.lookaside.whatif.Models;
import io.lookaside.whatif.Profile;
import io.lookaside.whatif.Profiles;
import io.lookaside.whatif.Savings;
import io.lookaside.whatif.WallClock;
import io.lookaside.whatif.WhatIfModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The analysis engine: lifecycles, per-request facts, the wall-clock wait, every what-if model
 * of {@link Models#ALL} over the window sweep, every profile of {@link Profiles#ALL}, then every
 * rule of {@link Rules#ALL}. Each stage reads the session's columns once and decodes only the
 * messages it needs; each (model, window) is simulated once.
 */
public final class Analyzer {
    private Analyzer() {
    }

    /**
     * Analyses a capture with every model, profile and rule. The lifecycles pass runs on another
     * core while this thread computes what does not depend on it (request facts, the wall-clock
     * index, message types): the models need both.
     */
    public static Analysis analyze(Session session) {
        ForkJoinTask<Lifecycles> lifecycles = ForkJoinPool.commonPool().submit(() -> Lifecycles.of(session));
        Facts facts = Facts.of(session);
        return analyze(session, lifecycles.join(), facts, Models.ALL, Profiles.ALL, Rules.ALL);
    }

    public static Analysis analyze(Session session, Lifecycles lifecycles, List<WhatIfModel> models,
                                   List<Profile> profiles, List<Rule> rules) {
        return analyze(session, lifecycles, Facts.of(session), models, profiles, rules);
    }

    /** What the analysis reads of every message besides the lifecycles, each computed once. */
    private record Facts(Exchanges exchanges, List<OperationStats> operations, WallClock.Index wall,
                         Savings.Types types, Map<String, Long> counts) {
        static Facts of(Session session) {
            Exchanges exchanges = Exchanges.of(session);
            Savings.Types types = Savings.Types.of(session);
            return new Facts(exchanges, OperationStats.of(exchanges), WallClock.index(session), types, types.all());
        }
    }

    private static Analysis analyze(Session session, Lifecycles lifecycles, Facts facts, List<WhatIfModel> models,
                                    List<Profile> profiles, List<Rule> rules) {
        Exchanges exchanges = facts.exchanges();
        List<OperationStats> operations = facts.operations();
        WallClock.Index wall = facts.wall();
        long baseWall = wall.total();
        Savings.Types types = facts.types();
        Map<String, Long> counts = facts.counts();
        WhatIfEngine engine = new WhatIfEngine(session, lifecycles, models, wall, types, counts);
        List<WhatIfRun> runs = engine.sweeps(profiles);
        List<ProfileRun> profileRuns = engine.profiles(profiles);
        Map<String, WhatIfRun> byId = new LinkedHashMap<>();
        runs.forEach(r -> byId.put(r.model().id(), r));
        Set<Protocol> present = WhatIfEngine.protocols(session);
        Identification identification = Identification.of(session);
        RuleInput input = new RuleInput(session, lifecycles, exchanges, operations, baseWall, byId, present,
                identification);
        List<Finding> findings = new ArrayList<>();
        Map<String, Double> countScores = new java.util.HashMap<>();
        long totalWait = input.totalWaitNanos();
        for (Rule rule : rules) {
            if (rule.protocols().stream().anyMatch(present::contains)) {
                Finding f = rule.evaluate(input);
                countScores.put(f.rule(), f.score());
                // Severity follows the share of the wait at stake; a rule about setup or leaks keeps its own score.
                findings.add(Rules.scoredByWait(rule) ? f.byWaitShare(totalWait) : f);
            }
        }
        // Highest score first, as JMC's result page; the rules' own (count) scores break ties, then Rules.ALL's order.
        findings.sort(Comparator.comparingDouble(Finding::score).reversed()
                .thenComparing(Comparator.comparingDouble((Finding f) -> countScores.get(f.rule())).reversed()));
        return new Analysis(session, lifecycles, exchanges, counts, operations, baseWall, runs, profileRuns, findings,
                identification);
    }
}
