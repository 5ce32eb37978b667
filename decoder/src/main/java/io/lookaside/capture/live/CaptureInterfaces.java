package io.lookaside.capture.live;

import io.lookaside.capture.CaptureException;
import io.lookaside.net.LinkType;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pcap4j.core.PcapAddress;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;

/**
 * The interfaces live capture can listen on (libpcap's {@code pcap_findalldevs}, which needs no
 * privilege), with the link type each will deliver and a cheap packet counter for a rate
 * sparkline. The link type comes from {@code /sys/class/net/IF/type} (an ARPHRD_ value mapped
 * as libpcap maps it), because asking libpcap would mean opening the interface, which needs
 * CAP_NET_RAW.
 */
public final class CaptureInterfaces {
    private static final Path SYS_NET = Path.of("/sys/class/net");
    private static final int ARPHRD_ETHER = 1;
    private static final int ARPHRD_LOOPBACK = 772;
    private static final int ARPHRD_NETLINK = 824;
    private static final int ARPHRD_VSOCKMON = 826;
    private static final int ARPHRD_NONE = 65534;
    private static final int DLT_NETLINK = 253;

    private CaptureInterfaces() {
    }

    /** Every capturable interface, in libpcap's order. */
    public static List<CaptureInterface> list() throws CaptureException {
        List<PcapNetworkInterface> devs;
        try {
            devs = Pcaps.findAllDevs();
        } catch (PcapNativeException e) {
            throw new CaptureException("cannot list interfaces: " + LibpcapFeed.libpcapSays(e), e);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new CaptureException("libpcap is not installed, and live capture needs it (Debian: apt-get install libpcap0.8)", e);
        }
        List<CaptureInterface> out = new ArrayList<>();
        for (PcapNetworkInterface d : devs) {
            List<String> addresses = new ArrayList<>();
            for (PcapAddress a : d.getAddresses()) {
                InetAddress ip = a.getAddress();
                if (ip != null) {
                    addresses.add(text(ip));
                }
            }
            int dlt = linkTypeOf(d.getName());
            out.add(new CaptureInterface(d.getName(), d.getDescription() == null ? "" : d.getDescription(), addresses,
                    dlt, linkTypeName(dlt), d.isLoopBack(), d.isUp()));
        }
        return out;
    }

    /** An address as people write it: IPv6 with its longest run of zero groups as "::", no scope. */
    static String text(InetAddress ip) {
        String s = ip.getHostAddress();
        int scope = s.indexOf('%');
        if (scope >= 0) {
            s = s.substring(0, scope);
        }
        if (!(ip instanceof java.net.Inet6Address)) {
            return s;
        }
        String[] groups = s.split(":");
        int bestAt = -1;
        int bestLen = 1;
        for (int i = 0; i < groups.length; ) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLen) {
                bestAt = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        if (bestAt < 0) {
            return s;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestAt));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestAt + bestLen, groups.length));
        return head + "::" + tail;
    }

    /**
     * The link type capturing on {@code iface} gives, from sysfs (as libpcap's
     * {@code map_arphrd_to_dlt}); -1 when unknown. {@code any} is Linux cooked capture.
     */
    public static int linkTypeOf(String iface) {
        if ("any".equals(iface)) {
            return LinkType.LINUX_SLL;
        }
        if (iface == null || iface.contains("/") || iface.startsWith(".")) {
            return -1;
        }
        try {
            int arphrd = Integer.parseInt(Files.readString(SYS_NET.resolve(iface).resolve("type")).trim());
            return switch (arphrd) {
                case ARPHRD_ETHER, ARPHRD_LOOPBACK -> LinkType.EN10MB;
                case ARPHRD_VSOCKMON -> LinkType.VSOCK;
                case ARPHRD_NONE -> LinkType.RAW_12;
                case ARPHRD_NETLINK -> DLT_NETLINK;
                default -> -1;
            };
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** A link type in words. */
    public static String linkTypeName(int dlt) {
        return switch (dlt) {
            case -1 -> "unknown";
            case LinkType.NULL -> "BSD loopback";
            case LinkType.EN10MB -> "Ethernet";
            case LinkType.RAW_12, LinkType.RAW_14, LinkType.RAW -> "Raw IP";
            case LinkType.LINUX_SLL -> "Linux cooked (SLL)";
            case LinkType.LINUX_SLL2 -> "Linux cooked v2 (SLL2)";
            case LinkType.VSOCK -> "VSOCK (vsockmon)";
            case DLT_NETLINK -> "Netlink";
            default -> "DLT " + dlt;
        };
    }

    /**
     * Packets the interface received and sent so far (sysfs statistics), for a rate sparkline:
     * cheap, no privilege, no capture. -1 when unknown (no sysfs, the {@code any} device).
     */
    public static long packets(String iface) {
        if (iface == null || iface.contains("/") || iface.startsWith(".")) {
            return -1;
        }
        try {
            Path stats = SYS_NET.resolve(iface).resolve("statistics");
            return Long.parseLong(Files.readString(stats.resolve("rx_packets")).trim())
                    + Long.parseLong(Files.readString(stats.resolve("tx_packets")).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
