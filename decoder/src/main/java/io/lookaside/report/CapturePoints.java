package io.lookaside.report;

import io.lookaside.session.Connection;
import io.lookaside.session.Session;
import java.util.List;

/**
 * What the times of each kind of input measure (what-if.md: "where the capture was taken
 * matters"): a packet capture is told apart by its addresses (QEMU's user network seen on the
 * guest's NIC, the host's loopback, or another network), FUSE inputs by their kind (the daemon's
 * own record, strace of the daemon, the kernel's tracepoints).
 */
final class CapturePoints {
    /** QEMU's user-mode network (slirp): the guest is 10.0.2.15, the host and forwards 10.0.2.x. */
    private static final String SLIRP_NET = "10.0.2.";

    private CapturePoints() {
    }

    private static final String TIMED_AT_LAST_SEGMENT = "Each message is timed at the packet that completes it, as "
            + "Wireshark times it: for a message spread over many TCP segments (a large Twrite or Rread) the time spent "
            + "sending it before that packet is not part of the wait.";
    private static final String CLIENT_GAPS = "Time between a reply and the client's next request is the client's own "
            + "(and the application's) time; if the client ran in an emulated guest (e.g. QEMU TCG) those gaps are "
            + "inflated, request→reply times are not.";
    private static final String ONE_REQUESTER = "Wall-clock wait treats each 9P connection as one requester: 9P "
            + "carries no process id.";

    /** The capture point of a session: by input kind, and for packets by the connections' addresses. */
    static CaptureInfo.CapturePoint of(Session s) {
        String kind = s.sourceKind();
        if (!kind.equals("pcap") && !kind.equals("pcapng")) {
            return of(kind);
        }
        int guest = 0;
        int loopback = 0;
        int other = 0;
        for (Connection c : s.connections()) {
            String[] ends = c.id().split(">", 2);
            if (ends.length < 2) {
                other++;
            } else if (ends[0].startsWith(SLIRP_NET) && ends[1].startsWith(SLIRP_NET)) {
                guest++;
            } else if (loopback(ends[0]) && loopback(ends[1])) {
                loopback++;
            } else {
                other++;
            }
        }
        if (guest > 0 && loopback == 0 && other == 0) {
            return new CaptureInfo.CapturePoint("guest-nic",
                    "Captured on a QEMU guest's network card (user-mode network, 10.0.2.x): request→reply times are "
                            + "what the guest's client waited: the server's time, the host's loopback and QEMU's "
                            + "user-mode network stack both ways. For 9P over TCP this is closest to the "
                            + "application's wait.",
                    List.of("The same session captured on the host's loopback shows shorter waits: QEMU's network "
                            + "emulation is in these times and not in those.", TIMED_AT_LAST_SEGMENT, ONE_REQUESTER));
        }
        if (loopback > 0 && guest == 0 && other == 0) {
            return new CaptureInfo.CapturePoint("host-loopback",
                    "Captured on the loopback of the host that runs the server: request→reply times are the server's "
                            + "own time plus the loopback, which is what a local client, or QEMU forwarding a guest's "
                            + "connection (user network, guestfwd), waited for the server.",
                    List.of("A client in a QEMU guest waited longer than these times: its virtual network card and QEMU's "
                            + "user-mode network stack are not in them (the guest-side capture of the same session "
                            + "can show twice the wait).", TIMED_AT_LAST_SEGMENT, CLIENT_GAPS, ONE_REQUESTER));
        }
        return new CaptureInfo.CapturePoint("network",
                "Request→reply times as seen where the packets were captured: the server's time plus the network "
                        + "between the capture point and the server. Captured on the client host they are what the "
                        + "client waited; captured on the server host, little more than the server's own time. The "
                        + "addresses do not tell which host this was.",
                List.of(TIMED_AT_LAST_SEGMENT, CLIENT_GAPS, ONE_REQUESTER));
    }

    private static boolean loopback(String endpoint) {
        return endpoint.startsWith("127.") || endpoint.startsWith("[::1]") || endpoint.startsWith("::1");
    }

    static CaptureInfo.CapturePoint of(String sourceKind) {
        return switch (sourceKind) {
            case "pcap", "pcapng" -> new CaptureInfo.CapturePoint("network",
                    "Request→reply times as seen where the packets were captured: the server's time plus the "
                            + "network between the capture point and the server.",
                    List.of(TIMED_AT_LAST_SEGMENT, CLIENT_GAPS, ONE_REQUESTER));
            case "fusedump" -> new CaptureInfo.CapturePoint("daemon",
                    "Times taken by the FUSE daemon when it read each request from /dev/fuse and wrote the reply: "
                            + "the daemon's own time, without the kernel's queueing and the /dev/fuse transfer the "
                            + "application also waited for.",
                    List.of("The application waited somewhat longer than these numbers."));
            case "strace" -> new CaptureInfo.CapturePoint("daemon",
                    "Times of the daemon's read and write system calls on /dev/fuse as strace saw them: the "
                            + "daemon's time, without the kernel's queueing.",
                    List.of("strace slows every system call of the daemon, so these times overstate it."));
            case "tracefs" -> new CaptureInfo.CapturePoint("kernel",
                    "Times of the kernel's fuse_request_send and fuse_request_end tracepoints: what the kernel "
                            + "waited for the daemon, queueing included; closest to the application's wait.",
                    List.of("Tracepoints carry headers and the sending task only: no names, node ids or bodies, no "
                            + "error details beyond the header."));
            case "qemu-trace" -> new CaptureInfo.CapturePoint("server",
                    "Times at which QEMU's virtio-9p server handled each request and completed its reply (its "
                            + "v9fs_* trace events, host wall clock): the server's own time, without the virtqueue "
                            + "transfer and the guest's wake-up that the guest application also waited for.",
                    List.of("The guest waited somewhat longer than these numbers.",
                            "Replies QEMU does not trace (clunk, fsync, flush, remove, link, wstat, xattrcreate "
                                    + "when they succeed) are added at their request's time: their wait of 0 is not "
                                    + "measured."));
            default -> new CaptureInfo.CapturePoint("unknown", "The capture point of this input is not known.", List.of());
        };
    }
}
