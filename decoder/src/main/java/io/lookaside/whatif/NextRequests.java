package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import java.util.Arrays;

/** For each 9P request, the request sent just before it on the same connection, and the one after. */
final class NextRequests {
    private final Session s;
    private final int[] previous;
    private final int[] next;

    NextRequests(Session s) {
        this.s = s;
        previous = new int[s.size()];
        next = new int[s.size()];
        Arrays.fill(previous, -1);
        Arrays.fill(next, -1);
        int[] last = new int[s.connections().size()];
        Arrays.fill(last, -1);
        for (int i = 0; i < s.size(); i++) {
            if (!isNinePRequest(i)) {
                continue;
            }
            int c = s.conn(i);
            previous[i] = last[c];
            if (last[c] >= 0) {
                next[last[c]] = i;
            }
            last[c] = i;
        }
    }

    boolean isNinePRequest(int i) {
        return s.direction(i) == Direction.REQUEST && s.connection(i).protocol() == Protocol.NINEP
                && !s.hasFlag(i, Session.FLUSHED);
    }

    /** The request sent before {@code i} on its connection, or -1. */
    int previous(int i) {
        return previous[i];
    }

    /** The request sent after {@code i} on its connection, or -1. */
    int next(int i) {
        return next[i];
    }
}
