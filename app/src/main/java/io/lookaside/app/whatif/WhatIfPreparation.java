package io.lookaside.app.whatif;

import io.lookaside.analysis.WhatIfRun;
import io.lookaside.analysis.WindowResult;
import io.lookaside.app.workbench.Analyzed;
import io.lookaside.app.workbench.MessageRef;
import io.lookaside.app.workbench.TaskContext;
import io.lookaside.report.WhatIfEntry;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * What the what-if view shows per model, prepared off the FX thread once per analysed session:
 * the requests the model removes or unblocks at window ∞ (the outcome the engine computed, read
 * as messages to jump to) and its sweep as a chart dataset.
 *
 * @param evidence the first {@link #EVIDENCE_LIMIT} requests of each model
 * @param requests how many requests each model removes or unblocks in all
 * @param sweeps   saved wait and round trips per window, per model
 */
record WhatIfPreparation(Map<String, List<MessageRef>> evidence, Map<String, Integer> requests,
                         Map<String, SweepData> sweeps) {
    /** Enough to scroll through and spot a pattern; the count says how many there are in all. */
    static final int EVIDENCE_LIMIT = 1000;

    /** Runs off the FX thread; null once cancelled. */
    static WhatIfPreparation of(Analyzed a, TaskContext ctx) {
        Session s = a.session();
        Map<String, List<MessageRef>> evidence = new HashMap<>();
        Map<String, Integer> requests = new HashMap<>();
        for (WhatIfRun run : a.analysis().whatIf()) {
            if (ctx.cancelled()) {
                return null;
            }
            WindowResult inf = run.atInfinity();
            List<MessageRef> refs = new ArrayList<>();
            int n = 0;
            if (inf != null) {
                BitSet off = (BitSet) inf.outcome().eliminated().clone();
                off.or(inf.outcome().unblocked());
                for (int i = off.nextSetBit(0); i >= 0 && i < s.size(); i = off.nextSetBit(i + 1)) {
                    if (s.direction(i) != Direction.REQUEST) {
                        continue;
                    }
                    n++;
                    if (refs.size() < EVIDENCE_LIMIT) {
                        refs.add(MessageRef.of(s, a.analysis().lifecycles(), i));
                    }
                }
            }
            evidence.put(run.model().id(), List.copyOf(refs));
            requests.put(run.model().id(), n);
        }
        Map<String, SweepData> sweeps = new HashMap<>();
        for (Map.Entry<String, WhatIfEntry> e : a.report().whatIf().entrySet()) {
            DefaultCategoryDataset wait = new DefaultCategoryDataset();
            DefaultCategoryDataset trips = new DefaultCategoryDataset();
            for (WhatIfEntry.SweepPoint p : e.getValue().sweep()) {
                String w = window(p.window());
                wait.addValue(p.savedWallNanos() / 1e6, SweepData.SAVED_WAIT, w);
                trips.addValue(p.savedRoundTrips(), SweepData.SAVED_TRIPS, w);
            }
            sweeps.put(e.getKey(), new SweepData(wait, trips));
        }
        return new WhatIfPreparation(evidence, requests, sweeps);
    }

    /** A sweep window as an axis shows it: {@code 1ms} → {@code 1 ms}, {@code inf} → {@code ∞}. */
    static String window(String label) {
        if (label.equals("inf")) {
            return "∞";
        }
        return label.replaceAll("^(\\d+)([a-z]+)$", "$1 $2");
    }
}
