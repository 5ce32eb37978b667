package io.lookaside.capture.live;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;

/** Compiles a BPF filter for a link type without capturing ({@code pcap_open_dead}), so a dialog can check it as it is typed. */
public final class BpfCheck {
    private BpfCheck() {
    }

    /** Null when {@code filter} compiles for {@code linkType} (-1: Ethernet); otherwise libpcap's error text. */
    public static String check(String filter, int linkType) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        int dlt = linkType < 0 ? io.lookaside.net.LinkType.EN10MB : linkType;
        PcapHandle dead;
        try {
            dead = Pcaps.openDead(DataLinkType.getInstance(dlt), PcapLiveSource.SNAPLEN);
        } catch (PcapNativeException e) {
            return LibpcapFeed.libpcapSays(e);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return "libpcap is not installed (Debian: apt-get install libpcap0.8)";
        }
        try {
            BpfProgram p = dead.compileFilter(filter, BpfProgram.BpfCompileMode.OPTIMIZE, netmaskUnknown());
            p.free();
            return null;
        } catch (PcapNativeException e) {
            return LibpcapFeed.libpcapSays(e);
        } catch (NotOpenException e) {
            throw new IllegalStateException(e);
        } finally {
            dead.close();
        }
    }

    /** PCAP_NETMASK_UNKNOWN: filters that test broadcast addresses fail instead of guessing. */
    private static Inet4Address netmaskUnknown() {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {-1, -1, -1, -1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
