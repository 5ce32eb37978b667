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

/**
 * The analysis engine: lifecycles, per-request facts, the wall-clock wait, every what-if model
 * of {@link Models#ALL} over the window sweep, every profile of {@link Profiles#ALL}, then every
 * rule of {@link Rules#ALL}. Each stage reads the session's columns once and decodes only the
 * messages it needs; each (model, window) is simulated once.
 */
public final class Analyzer {
    private Analyzer() {
    }

    /** Analyses a capture with every model, profile and rule. */
    public static Analysis analyze(Session session) {
        return analyze(session, Lifecycles.of(session), Models.ALL, Profiles.ALL, Rules.ALL);
    }

    public static Analysis analyze(Session session, Lifecycles lifecycles, List<WhatIfModel> models,
                                   List<Profile> profiles, List<Rule> rules) {
        Exchanges exchanges = Exchanges.of(session);
        List<OperationStats> operations = OperationStats.of(exchanges);
        WallClock.Index wall = WallClock.index(session);
        long baseWall = wall.total();
        Savings.Types types = Savings.Types.of(session);
        Map<String, Long> counts = types.all();
        WhatIfEngine engine = new WhatIfEngine(session, lifecycles, models, wall, types, counts);
        List<WhatIfRun> runs = engine.sweeps();
        List<ProfileRun> profileRuns = engine.profiles(profiles);
        Map<String, WhatIfRun> byId = new LinkedHashMap<>();
        runs.forEach(r -> byId.put(r.model().id(), r));
        Set<Protocol> present = WhatIfEngine.protocols(session);
        RuleInput input = new RuleInput(session, lifecycles, exchanges, operations, baseWall, byId, present);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.protocols().stream().anyMatch(present::contains)) {
                findings.add(rule.evaluate(input));
            }
        }
        // Highest score first, as JMC's result page; the rule order of Rules.ALL breaks ties.
        findings.sort(Comparator.comparingDouble(Finding::score).reversed());
        return new Analysis(session, lifecycles, exchanges, counts, operations, baseWall, runs, profileRuns, findings);
    }
}
