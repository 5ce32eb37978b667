package io.lookaside.whatif;

import io.lookaside.lifecycle.LongIntMap;
import io.lookaside.session.Direction;
import io.lookaside.session.Session;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Wall-clock wait: for each requester (a 9P connection, a FUSE pid), the length of the union of
 * the intervals in which at least one of its requests was outstanding (what-if.md). Unlike a sum
 * of RTTs it does not count overlapping requests twice; it is what "RPC wait as I/O wait" means.
 *
 * <p>An {@link Index} sorts a session's intervals once; the wait without a set of requests is
 * then recomputed only for the stretches of overlapping requests that the set touches, so a sweep
 * of many models over a large capture costs little more than the removed requests.
 */
public final class WallClock {
    private WallClock() {
    }

    /** Total wall-clock wait of every answered request, skipping those in {@code removed}. */
    public static long wait(Session s, BitSet removed) {
        return index(s).wait(removed);
    }

    /** Total wall-clock wait of every answered request. */
    public static long wait(Session s) {
        return index(s).total();
    }

    /** The session's request intervals, sorted per requester, ready for many {@link Index#wait(BitSet)} calls. */
    public static Index index(Session s) {
        return new Index(s);
    }

    /**
     * Answered requests as intervals [request time, reply time], grouped by requester and sorted
     * by start, cut into blocks: maximal runs whose union is one stretch of time. Without a set of
     * requests only the blocks holding one of them can change.
     */
    public static final class Index {
        private static final int NO_BLOCK = -1;
        private static final int SINGLE = -2;
        private final long[] start;
        private final long[] end;
        /** Block b spans sorted positions [blockFirst[b], blockFirst[b + 1]). */
        private final int[] blockFirst;
        private final long[] blockLength;
        /**
         * Message index → its block when that block holds other requests too; {@link #NO_BLOCK}
         * for messages that are no answered request; {@link #SINGLE} for a request alone in its
         * block (removing it saves its whole interval, nothing to measure again).
         */
        private final int[] blockAt;
        /** Message index → its interval's length (reply time − request time) when an answered request. */
        private final long[] rttAt;
        /** Sorted position → message index. */
        private final int[] messageAt;
        private final long total;

        private Index(Session s) {
            int n = s.size();
            // Group by requester: count, then place.
            LongIntMap group = new LongIntMap();
            int[] groupOf = new int[n];
            int[] groupCount = new int[16];
            int m = 0;
            for (int i = 0; i < n; i++) {
                groupOf[i] = -1;
                if (s.direction(i) != Direction.REQUEST || s.peer(i) < 0) {
                    continue;
                }
                long requester = s.requester(i);
                int g = group.get(requester);
                if (g == LongIntMap.MISSING) {
                    g = group.size();
                    group.put(requester, g);
                }
                if (g == groupCount.length) {
                    groupCount = Arrays.copyOf(groupCount, g * 2);
                }
                groupCount[g]++;
                groupOf[i] = g;
                m++;
            }
            int groups = group.size();
            int[] groupFirst = new int[groups + 1];
            for (int g = 0; g < groups; g++) {
                groupFirst[g + 1] = groupFirst[g] + groupCount[g];
            }
            int[] fill = Arrays.copyOf(groupFirst, groups);
            int[] order = new int[m];
            for (int i = 0; i < n; i++) {
                if (groupOf[i] >= 0) {
                    order[fill[groupOf[i]]++] = i;
                }
            }
            start = new long[m];
            end = new long[m];
            for (int g = 0; g < groups; g++) {
                sortByStart(s, order, groupFirst[g], groupFirst[g + 1]);
            }
            for (int p = 0; p < m; p++) {
                int i = order[p];
                start[p] = s.tsNanos(i);
                end[p] = s.tsNanos(s.peer(i));
            }
            messageAt = order;
            // Blocks: a new one at each requester boundary and wherever an interval starts after
            // everything before it in its requester has ended (the same merge as the union).
            int[] blockOf = new int[m];
            int[] firsts = new int[m + 1];
            int blocks = 0;
            long sum = 0;
            for (int g = 0; g < groups; g++) {
                long curEnd = Long.MIN_VALUE;
                for (int p = groupFirst[g]; p < groupFirst[g + 1]; p++) {
                    if (p == groupFirst[g] || start[p] > curEnd) {
                        firsts[blocks++] = p;
                        curEnd = end[p];
                    } else if (end[p] > curEnd) {
                        curEnd = end[p];
                    }
                    blockOf[p] = blocks - 1;
                }
            }
            firsts[blocks] = m;
            blockFirst = Arrays.copyOf(firsts, blocks + 1);
            blockLength = new long[blocks];
            for (int b = 0; b < blocks; b++) {
                blockLength[b] = union(blockFirst[b], blockFirst[b + 1], null);
                sum += blockLength[b];
            }
            total = sum;
            blockAt = new int[n];
            rttAt = new long[n];
            Arrays.fill(blockAt, NO_BLOCK);
            for (int p = 0; p < m; p++) {
                int i = order[p];
                int b = blockOf[p];
                blockAt[i] = blockFirst[b + 1] - blockFirst[b] == 1 ? SINGLE : b;
                rttAt[i] = end[p] - start[p];
            }
        }

        /** The wall-clock wait of every answered request. */
        public long total() {
            return total;
        }

        /** The wall-clock wait without the requests in {@code removed} (other bits are ignored). */
        public long wait(BitSet removed) {
            long[] words = removed.toLongArray();
            Blocks touched = blocks();
            for (int i = removed.nextSetBit(0); i >= 0 && i < blockAt.length; i = removed.nextSetBit(i + 1)) {
                touched.add(i);
            }
            return touched.waitWithout(words);
        }

        /** An empty record of the blocks a set of removed requests touches, filled by {@link Blocks#add}. */
        Blocks blocks() {
            return new Blocks();
        }

        /**
         * The blocks touched by the removed requests of one set, collected while its bits are
         * read once, then measured again without them. Requests come in message order, so a
         * block is mostly met in one run; a bit set of blocks catches the rest.
         */
        final class Blocks {
            private int[] touched = new int[16];
            private int count;
            private int lastBlock = -1;
            private long[] seen;
            /** What removing the requests alone in their blocks saves. */
            private long singles;

            /**
             * Notes message {@code i} as removed; returns its RTT when it is an answered request
             * (its interval in this index), else 0.
             */
            long add(int i) {
                if (i >= blockAt.length) {
                    return 0;
                }
                int b = blockAt[i];
                if (b < 0) {
                    if (b == SINGLE) {
                        // Its block's union is its interval (none when the reply did not come later).
                        singles += Math.max(0, rttAt[i]);
                        return rttAt[i];
                    }
                    return 0;
                }
                if (b != lastBlock) {
                    lastBlock = b;
                    if (seen == null) {
                        seen = new long[(blockLength.length >>> 6) + 1];
                    }
                    if ((seen[b >>> 6] & 1L << b) == 0) {
                        seen[b >>> 6] |= 1L << b;
                        if (count == touched.length) {
                            touched = Arrays.copyOf(touched, count * 2);
                        }
                        touched[count++] = b;
                    }
                }
                return rttAt[i];
            }

            /** The wall-clock wait without the requests set in {@code removed} (a bit set's words). */
            long waitWithout(long[] removed) {
                long saved = singles;
                for (int k = 0; k < count; k++) {
                    int b = touched[k];
                    saved += blockLength[b] - union(blockFirst[b], blockFirst[b + 1], removed);
                }
                return total - saved;
            }
        }

        /** The length of the union of the intervals at positions [from, to), skipping removed requests (a bit set's words, or null). */
        private long union(int from, int to, long[] removed) {
            long length = 0;
            long curStart = Long.MIN_VALUE;
            long curEnd = Long.MIN_VALUE;
            for (int p = from; p < to; p++) {
                if (removed != null) {
                    int m = messageAt[p];
                    if ((m >>> 6) < removed.length && (removed[m >>> 6] & 1L << m) != 0) {
                        continue;
                    }
                }
                if (start[p] > curEnd) {
                    if (curEnd > curStart) {
                        length += curEnd - curStart;
                    }
                    curStart = start[p];
                    curEnd = end[p];
                } else if (end[p] > curEnd) {
                    curEnd = end[p];
                }
            }
            if (curEnd > curStart) {
                length += curEnd - curStart;
            }
            return length;
        }

        /** Sorts order[from, to) by request time, ties by message index (stable, as capture order). */
        private static void sortByStart(Session s, int[] order, int from, int to) {
            long[] keys = new long[to - from];
            for (int p = from; p < to; p++) {
                keys[p - from] = s.tsNanos(order[p]);
            }
            boolean sorted = true;
            for (int k = 1; k < keys.length && sorted; k++) {
                sorted = keys[k - 1] <= keys[k];
            }
            if (sorted) {
                return;
            }
            Integer[] boxed = new Integer[to - from];
            for (int p = from; p < to; p++) {
                boxed[p - from] = order[p];
            }
            Arrays.sort(boxed, (a, b) -> {
                int c = Long.compare(s.tsNanos(a), s.tsNanos(b));
                return c != 0 ? c : Integer.compare(a, b);
            });
            for (int p = from; p < to; p++) {
                order[p] = boxed[p - from];
            }
        }
    }
}
