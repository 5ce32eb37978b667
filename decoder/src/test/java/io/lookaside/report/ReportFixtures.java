package io.lookaside.report;

import io.lookaside.analysis.Analysis;
import io.lookaside.analysis.Analyzer;
import io.lookaside.analysis.NinePTrace;
import io.lookaside.analysis.Rules;
import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import io.lookaside.whatif.Outcome;
import io.lookaside.whatif.Profile;
import io.lookaside.whatif.WhatIfModel;
import io.lookaside.whatif.Windows;
import java.util.List;
import java.util.Set;

/** Reports of small synthetic captures, with a what-if model and a profile written for the tests. */
final class ReportFixtures {
    /** A name from the capture that must come out escaped in HTML and quoted in CSV. */
    static final String HOSTILE = "<script>alert(\"x\")</script>, \"quoted\"";

    private ReportFixtures() {
    }

    /**
     * A 9P2000.L connection attached with fid 1: 5 walks of a missing name 2 ms apart (100 µs each), 3 clunks
     * (50 µs), 2 walks of a missing hostile name (200 µs), and one Tunlinkat that the server does
     * not support.
     */
    static Session session() {
        NinePTrace t = NinePTrace.create()
                .exchange(0, 10, r -> r.tversion(8216, "9P2000.L"), r -> r.rversion(8216, "9P2000.L"))
                .exchange(12, 14, r -> r.tattach(1, 1, "root", "/srv"), r -> r.rattach(1));
        for (int k = 0; k < 5; k++) {
            long at = 1000 + 2000L * k;
            t.exchange(at, at + 100, r -> r.twalk(1, 1, 2, "missing"), r -> r.rlerror(1, 2));
        }
        for (int k = 0; k < 3; k++) {
            long at = 20_000 + 1000L * k;
            t.exchange(at, at + 50, r -> r.tclunk(2, 3), r -> r.rclunk(2));
        }
        t.exchange(30_000, 30_200, r -> r.twalk(3, 1, 2, HOSTILE), r -> r.rlerror(3, 2));
        t.exchange(32_000, 32_200, r -> r.twalk(3, 1, 2, HOSTILE), r -> r.rlerror(3, 2));
        t.exchange(40_000, 40_100, r -> r.tunlinkat(4, 1, "f"), r -> r.rlerror(4, 95));
        return t.session();
    }

    static Analysis analysis(Session s) {
        Profile p = new Profile("walk-cache", "Walk cache at 1 s", "the walk model kept 1 s", Protocol.NINEP,
                List.of(new Profile.Step("walk-cache", 1_000_000_000L)));
        return Analyzer.analyze(s, Lifecycles.of(s), List.of(new WalkCache()), List.of(p), Rules.ALL);
    }

    static Report report() {
        return ReportBuilder.build(analysis(session()), ReportBuilder.Options.DEFAULT);
    }

    /** A Twalk within the window of the previous Twalk of the same connection is a cache hit. */
    static final class WalkCache implements WhatIfModel {
        @Override
        public String id() {
            return "walk-cache";
        }

        @Override
        public String title() {
            return "Walk cache";
        }

        @Override
        public String assumptions() {
            return "Repeated walks are answered from a cache.";
        }

        @Override
        public Set<Protocol> protocols() {
            return Set.of(Protocol.NINEP);
        }

        @Override
        public Outcome simulate(Session s, Lifecycles lifecycles, long windowNanos) {
            Outcome o = Outcome.empty();
            long last = Long.MIN_VALUE;
            for (int i = 0; i < s.size(); i++) {
                if (s.direction(i) == Direction.REQUEST && s.typeCode(i) == NinePTypes.TWALK) {
                    if (last != Long.MIN_VALUE && Windows.within(last, s.tsNanos(i), windowNanos)) {
                        o.eliminated().set(i);
                    }
                    last = s.tsNanos(i);
                }
            }
            return o;
        }
    }
}
