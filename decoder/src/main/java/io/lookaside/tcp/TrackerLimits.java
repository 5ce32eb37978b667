package io.lookaside.tcp;

/**
 * Bounds that keep a hostile or huge capture from filling the heap. When one is hit the user
 * gets a diagnostic and decoding goes on.
 *
 * @param maxFlows                concurrent TCP/vsock flows tracked; packets of further new flows are ignored
 * @param maxBufferedPerDirection out-of-order bytes held for one direction before its hole is declared a gap
 * @param maxBufferedTotal        out-of-order bytes held over all flows
 * @param maxSegmentsPerDirection out-of-order segments held for one direction
 * @param maxMessage              largest 9P message accepted before a version exchange bounds it (msize)
 */
public record TrackerLimits(int maxFlows, int maxBufferedPerDirection, long maxBufferedTotal,
                            int maxSegmentsPerDirection, int maxMessage) {

    public static final TrackerLimits DEFAULT =
            new TrackerLimits(100_000, 4 << 20, 256L << 20, 4096, 16 << 20);
}
