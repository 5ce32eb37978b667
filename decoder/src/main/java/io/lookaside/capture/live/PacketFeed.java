package io.lookaside.capture.live;

/**
 * Where a {@link PcapLiveSource} gets its packets: libpcap on the interface, or Wireshark's
 * dumpcap when this process may not capture itself. Used by the capturing thread only, except
 * {@link #interrupt()}.
 */
interface PacketFeed extends AutoCloseable {

    /** Receives each packet during {@link #poll}; {@code data} is valid only during the call. */
    interface Packets {
        void packet(byte[] data, int caplen, int origLen, long tsNanos);
    }

    /** The link-layer header type of the packets (a DLT_ value). */
    int linkType();

    /**
     * Hands over the packets that arrive within about {@link LiveSource#TICK}; returns how
     * many, or -1 when the feed has ended ({@link #endReason()} says why).
     */
    int poll(Packets packets);

    /** libpcap's counters: {received, dropped (ps_drop), dropped by the interface (ps_ifdrop)}, -1 where unknown. */
    long[] stats();

    /** Why the feed ended by itself; null while it runs or after {@link #interrupt()}. */
    String endReason();

    /** Asks the feed to end soon; safe from any thread. */
    void interrupt();

    @Override
    void close();
}
