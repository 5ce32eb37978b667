package io.lookaside.capture;

import java.sql.Timestamp;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.RawPacketListener;

/**
 * A pcap4j listener for {@code pcap_dispatch}, from a file or a live interface. pcap4j logs and
 * drops what a listener throws, so the first failure is kept, the loop broken, and the failure
 * left for the caller to rethrow; later packets of the same dispatch are ignored.
 */
public abstract class PcapListener implements RawPacketListener {
    protected final PcapHandle handle;
    private Throwable failure;

    protected PcapListener(PcapHandle handle) {
        this.handle = handle;
    }

    /** One packet's bytes; its header fields are read from {@link #handle} during the call. */
    protected abstract void take(byte[] data);

    /** The current packet's time stamp in nanoseconds since the epoch. */
    protected final long nanos() {
        Timestamp t = handle.getTimestamp();
        return Math.floorDiv(t.getTime(), 1000L) * 1_000_000_000L + t.getNanos();
    }

    /** What a packet's handling threw, or null. */
    public final Throwable failure() {
        return failure;
    }

    @Override
    public final void gotPacket(byte[] data) {
        if (failure != null) {
            return;
        }
        try {
            take(data);
        } catch (RuntimeException | Error e) {
            failure = e;
            try {
                handle.breakLoop();
            } catch (NotOpenException closed) {
                failure.addSuppressed(closed);
            }
        }
    }
}
