package io.lookaside.capture.live;

/**
 * What a live source has seen so far.
 *
 * @param records   packets (or trace lines, or /dev/fuse transfers) received
 * @param bytes     their bytes as captured
 * @param dropped   records the capture mechanism says it dropped (libpcap's ps_drop), or -1 when it cannot tell
 * @param ifDropped records the interface dropped (libpcap's ps_ifdrop), or -1 when it cannot tell
 */
public record LiveCounters(long records, long bytes, long dropped, long ifDropped) {
    public static final LiveCounters NONE = new LiveCounters(0, 0, -1, -1);
}
