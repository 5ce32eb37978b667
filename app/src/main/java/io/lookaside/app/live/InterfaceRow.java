package io.lookaside.app.live;

import io.lookaside.capture.live.CaptureInterface;
import java.util.Arrays;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One interface of the Capture dialog: what libpcap says of it and its recent packet rates
 * (packets a second, one per poll), for the sparkline.
 */
public final class InterfaceRow {
    /** Rates kept for the sparkline: half a minute at one poll a second. */
    static final int HISTORY = 30;

    private final CaptureInterface info;
    private final ReadOnlyObjectWrapper<double[]> rates = new ReadOnlyObjectWrapper<>(this, "rates", new double[0]);
    private long lastPackets = -1;
    private long lastNanos;

    InterfaceRow(CaptureInterface info) {
        this.info = info;
    }

    public CaptureInterface info() {
        return info;
    }

    public String name() {
        return info.name();
    }

    /** "127.0.0.1, ::1". */
    public String addresses() {
        return String.join(", ", info.addresses());
    }

    /** "Ethernet", plus "loopback" and "down" where they apply. */
    public String linkType() {
        String s = info.linkTypeName();
        if (info.loopback()) {
            s += ", loopback";
        }
        if (!info.up()) {
            s += ", down";
        }
        return s;
    }

    /**
     * Takes a reading of the interface's packet counter ({@code packets} at {@code nanos}) and
     * adds the rate since the previous one; a counter that cannot be read (-1) or went back
     * (the interface was re-created) starts over.
     */
    void sample(long packets, long nanos) {
        if (packets < 0) {
            lastPackets = -1;
            return;
        }
        if (lastPackets >= 0 && packets >= lastPackets && nanos > lastNanos) {
            double rate = (packets - lastPackets) * 1e9 / (nanos - lastNanos);
            double[] was = rates.get();
            double[] now = Arrays.copyOfRange(was, Math.max(0, was.length + 1 - HISTORY), was.length + 1);
            now[now.length - 1] = rate;
            rates.set(now);
        }
        lastPackets = packets;
        lastNanos = nanos;
    }

    /** Packets a second, oldest first, at most {@link #HISTORY}. */
    public ReadOnlyObjectProperty<double[]> ratesProperty() {
        return rates.getReadOnlyProperty();
    }
}
