package io.lookaside.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.analysis.NinePTrace;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WallClockTest {

    @Test
    void waitCountsOverlappingRequestsOfOneRequesterOnce() {
        // 0–100 and 50–150 overlap (150 µs of wall clock); 300–400 stands alone; another connection 0–100.
        Session s = NinePTrace.create()
                .at(0).tclunk(1, 1).at(50).tclunk(2, 2).at(100).rclunk(1).at(150).rclunk(2)
                .exchange(300, 400, t -> t.tclunk(3, 3), t -> t.rclunk(3))
                .newConnection().exchange(0, 100, t -> t.tclunk(1, 1), t -> t.rclunk(1))
                .session();
        assertThat(WallClock.wait(s)).isEqualTo(350_000);
        BitSet removed = new BitSet();
        removed.set(0);
        assertThat(WallClock.wait(s, removed)).isEqualTo(300_000);
        removed.set(1);
        assertThat(WallClock.wait(s, removed)).isEqualTo(200_000);
        // Replies and unknown indices in the set change nothing.
        BitSet replies = new BitSet();
        replies.set(2);
        replies.set(5_000);
        assertThat(WallClock.wait(s, replies)).isEqualTo(350_000);
    }

    /** The index against a direct union of intervals on random overlapping traffic of several requesters. */
    @Test
    void indexWaitEqualsTheUnionOfTheRemainingIntervals() {
        Random r = new Random(42);
        for (int round = 0; round < 30; round++) {
            NinePTrace t = NinePTrace.create();
            int conns = 1 + r.nextInt(3);
            for (int c = 1; c < conns; c++) {
                t.newConnection();
            }
            // Requests with random starts and durations, replies in time order per connection.
            List<long[]> events = new ArrayList<>();
            for (int k = 0; k < 60; k++) {
                long startUs = r.nextInt(5_000);
                long dur = 1 + r.nextInt(400);
                int c = r.nextInt(conns);
                events.add(new long[] {startUs, 0, c, k});
                events.add(new long[] {startUs + dur, 1, c, k});
            }
            events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
            for (long[] e : events) {
                int tag = (int) e[3];
                t.on((int) e[2]).at(e[0]);
                if (e[1] == 0) {
                    t.tclunk(tag, tag);
                } else {
                    t.rclunk(tag);
                }
            }
            Session s = t.session();
            WallClock.Index index = WallClock.index(s);
            for (int trial = 0; trial < 20; trial++) {
                BitSet removed = new BitSet();
                for (int i = 0; i < s.size(); i++) {
                    if (r.nextInt(4) == 0) {
                        removed.set(i);
                    }
                }
                assertThat(index.wait(removed)).isEqualTo(direct(s, removed));
            }
            assertThat(index.total()).isEqualTo(direct(s, new BitSet()));
        }
    }

    /** The definition, written plainly: per requester, sort the remaining intervals and add up their union. */
    private static long direct(Session s, BitSet removed) {
        Map<Long, List<long[]>> by = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            if (s.direction(i) == Direction.REQUEST && s.peer(i) >= 0 && !removed.get(i)) {
                by.computeIfAbsent(s.requester(i), k -> new ArrayList<>()).add(new long[] {s.tsNanos(i), s.tsNanos(s.peer(i))});
            }
        }
        long total = 0;
        for (List<long[]> l : by.values()) {
            long[][] iv = l.toArray(new long[0][]);
            Arrays.sort(iv, (a, b) -> Long.compare(a[0], b[0]));
            long cs = iv[0][0];
            long ce = iv[0][1];
            for (long[] p : iv) {
                if (p[0] > ce) {
                    total += ce - cs;
                    cs = p[0];
                    ce = p[1];
                } else {
                    ce = Math.max(ce, p[1]);
                }
            }
            total += ce - cs;
        }
        return total;
    }
}
