package io.lookaside.app.messages;

import io.lookaside.app.workbench.TaskContext;
import io.lookaside.report.MessageJson;
import io.lookaside.session.Session;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sorts the rows of the message table by a column, stably (equal values keep capture order, as
 * Wireshark does), without an object per row: each row's value becomes a rank among the
 * distinct values, and {@code rank << 32 | position} sorts as one primitive {@code long[]}.
 * The session's own columns (frame, time, length, tag, RTT) are read without decoding; text
 * columns and custom fields decode the messages (a background task, with progress).
 */
final class RowSorter {
    /** Missing values first, then numbers, then text, as Wireshark orders empty cells. */
    private static final Comparator<Object> VALUES = Comparator.comparingInt(RowSorter::kind)
            .thenComparing(RowSorter::compareSameKind);
    private static final Object MISSING = new Object();

    private RowSorter() {
    }

    /** {@code rows} in the order of {@code key}; the same rows, capture order, when {@code key} is null. */
    static RowIndex sort(Session s, RowIndex rows, SortKey key, MessageJson json, TaskContext ctx) {
        RowIndex base = rows.unsorted();
        if (key == null) {
            return base;
        }
        int n = base.size();
        int[] ranks = new int[n];
        int distinct;
        MessageColumn c = key.column();
        if (!c.isCustom() && longValued(c)) {
            long[] values = new long[n];
            for (int k = 0; k < n; k++) {
                if ((k & 0xFFFF) == 0 && stop(ctx, k, n)) {
                    return rows;
                }
                values[k] = longValue(s, c, base.ascending(k));
            }
            long[] packed = packDirectly(values, key.descending());
            if (packed != null) {
                return base.sorted(positions(packed, ctx));
            }
            distinct = longRanks(values, ranks);
        } else {
            Map<Object, Integer> ids = new HashMap<>();
            List<Object> byId = new ArrayList<>();
            SessionFields fields = new SessionFields(s, json);
            for (int k = 0; k < n; k++) {
                if ((k & 0x3FF) == 0 && stop(ctx, k, n)) {
                    return rows;
                }
                Object v = objectValue(s, c, base.ascending(k), fields, json);
                Integer id = ids.get(v);
                if (id == null) {
                    id = byId.size();
                    ids.put(v, id);
                    byId.add(v);
                }
                ranks[k] = id;
            }
            distinct = objectRanks(byId, ranks);
        }
        long[] packed = new long[n];
        for (int k = 0; k < n; k++) {
            long r = key.descending() ? distinct - 1 - ranks[k] : ranks[k];
            packed[k] = r << 32 | k;
        }
        return base.sorted(positions(packed, ctx));
    }

    private static int[] positions(long[] packed, TaskContext ctx) {
        Arrays.parallelSort(packed);
        int[] positions = new int[packed.length];
        for (int row = 0; row < packed.length; row++) {
            positions[row] = (int) packed[row];
        }
        return positions;
    }

    /**
     * {@code value - min << 32 | position} (or {@code max - value} descending) when the values
     * span less than 2^31: one sort, no ranks. RTTs under 2 s, frames, lengths, tags do; times
     * over a longer capture fall back to ranks.
     */
    private static long[] packDirectly(long[] values, boolean descending) {
        if (values.length == 0) {
            return new long[0];
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (max - min < 0 || max - min >= Integer.MAX_VALUE) {
            return null;
        }
        long[] packed = new long[values.length];
        for (int k = 0; k < values.length; k++) {
            long r = descending ? max - values[k] : values[k] - min;
            packed[k] = r << 32 | k;
        }
        return packed;
    }

    private static boolean stop(TaskContext ctx, int k, int n) {
        ctx.progress(k, n);
        return ctx.cancelled();
    }

    private static boolean longValued(MessageColumn c) {
        return switch (c.builtIn()) {
            case FRAME, TIME, LENGTH, KEY, RTT -> true;
            default -> false;
        };
    }

    /** The session column of a numeric built-in column; no decode. An RTT the row lacks is -1 (first). */
    private static long longValue(Session s, MessageColumn c, int i) {
        return switch (c.builtIn()) {
            case FRAME -> s.frame(i);
            case TIME -> s.tsNanos(i);
            case LENGTH -> s.length(i);
            // Unsigned order: a FUSE unique may use the top bit.
            case KEY -> s.key(i) ^ Long.MIN_VALUE;
            case RTT -> s.rttNanos(i) < 0 ? -1 : s.rttNanos(i);
            default -> throw new IllegalArgumentException(c.toString());
        };
    }

    private static Object objectValue(Session s, MessageColumn c, int i, SessionFields fields, MessageJson json) {
        if (c.isCustom()) {
            List<Object> v = fields.at(i).values(c.field());
            return v.isEmpty() ? MISSING : v.get(0);
        }
        return switch (c.builtIn()) {
            case SOURCE -> MessageRows.source(s, i);
            case DESTINATION -> MessageRows.destination(s, i);
            case PROTOCOL -> MessageRows.protocol(s, i);
            case TYPE -> s.typeName(i);
            case INFO -> MessageText.summary(json.toJson(s, i));
            default -> throw new IllegalArgumentException(c.toString());
        };
    }

    /** Replaces each value by its rank among the distinct values; returns how many there are. */
    static int longRanks(long[] values, int[] ranks) {
        long[] sorted = values.clone();
        Arrays.parallelSort(sorted);
        int distinct = 0;
        for (int k = 0; k < sorted.length; k++) {
            if (k == 0 || sorted[k] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[k];
            }
        }
        for (int k = 0; k < values.length; k++) {
            ranks[k] = Arrays.binarySearch(sorted, 0, distinct, values[k]);
        }
        return distinct;
    }

    /** {@code ranks} hold ids into {@code byId}; replaces them by the ids' ranks in value order. */
    private static int objectRanks(List<Object> byId, int[] ranks) {
        Integer[] idsInOrder = new Integer[byId.size()];
        for (int id = 0; id < idsInOrder.length; id++) {
            idsInOrder[id] = id;
        }
        Arrays.sort(idsInOrder, (a, b) -> VALUES.compare(byId.get(a), byId.get(b)));
        int[] rankOf = new int[idsInOrder.length];
        for (int r = 0; r < idsInOrder.length; r++) {
            rankOf[idsInOrder[r]] = r;
        }
        for (int k = 0; k < ranks.length; k++) {
            ranks[k] = rankOf[ranks[k]];
        }
        return idsInOrder.length;
    }

    private static int kind(Object v) {
        return v == MISSING ? 0 : v instanceof Number ? 1 : 2;
    }

    private static int compareSameKind(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a == MISSING) {
            return 0;
        }
        return String.valueOf(a).compareToIgnoreCase(String.valueOf(b));
    }
}
