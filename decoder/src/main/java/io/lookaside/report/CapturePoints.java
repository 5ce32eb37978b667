package io.lookaside.report;

import java.util.List;

/** What the times of each kind of input measure (what-if.md: "where the capture was taken matters"). */
final class CapturePoints {
    private CapturePoints() {
    }

    static CaptureInfo.CapturePoint of(String sourceKind) {
        return switch (sourceKind) {
            case "pcap", "pcapng" -> new CaptureInfo.CapturePoint("network",
                    "Request→reply times as seen where the packets were captured: the server's time plus the "
                            + "network and transport between the capture point and the server. Captured on the "
                            + "client host they are what the client waited; captured on the server host, little "
                            + "more than the server's own time.",
                    List.of("Each message is timed at the packet that completes it, as Wireshark times it: for a "
                                    + "message spread over many TCP segments (a large Twrite or Rread) the time spent "
                                    + "sending it before that packet is not part of the wait.",
                            "Time between a reply and the client's next request is the client's own (and the "
                                    + "application's) time; if the client ran in an emulated guest (e.g. QEMU TCG) "
                                    + "those gaps are inflated, request→reply times are not.",
                            "Wall-clock wait treats each 9P connection as one requester: 9P carries no process id."));
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
                    List.of("Tracepoints carry headers only: no names, no error details beyond the header."));
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
