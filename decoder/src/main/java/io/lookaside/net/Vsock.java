package io.lookaside.net;

/**
 * LINKTYPE_VSOCK (271): what the Linux vsockmon device captures (linux/vsockmon.h), all
 * little-endian:
 * <pre>
 * struct af_vsockmon_hdr:  src_cid[8] dst_cid[8] src_port[4] dst_port[4] op[2] transport[2] len[2] reserved[2]
 * then len bytes of transport header, for transport VIRTIO (2) struct virtio_vsock_hdr
 * (linux/virtio_vsock.h):  src_cid[8] dst_cid[8] src_port[4] dst_port[4] len[4] type[2] op[2] flags[4] buf_alloc[4] fwd_cnt[4]
 * then the payload (op PAYLOAD only) up to the end of the frame.
 * </pre>
 * vsock streams are reliable and in order, so the payloads of one direction concatenate to
 * the stream; connection setup and teardown come from the virtio op (REQUEST 1, RESPONSE 2,
 * RST 3, SHUTDOWN 4; RW 5 carries data).
 */
public final class Vsock {
    /** Payload bytes of the stream. */
    public static final int PAYLOAD = 1;
    /** The sender opens a connection (virtio REQUEST): it is the client. */
    public static final int CONNECT_REQUEST = 2;
    /** The sender accepts a connection (virtio RESPONSE): the receiver is the client. */
    public static final int CONNECT_RESPONSE = 3;
    /** A connect whose direction the transport header does not tell (no virtio header). */
    public static final int CONNECT = 4;
    /** The connection is reset (virtio RST). */
    public static final int RESET = 5;
    /** The sender shuts down one or both directions (virtio SHUTDOWN, flags RCV 1 / SEND 2). */
    public static final int SHUTDOWN = 6;
    /** Credit updates and anything else that carries no stream bytes. */
    public static final int CONTROL = 7;

    static final int HEADER = 32;
    private static final int SRC_CID = 0;
    private static final int DST_CID = 8;
    private static final int SRC_PORT = 16;
    private static final int DST_PORT = 20;
    private static final int OP = 24;
    private static final int TRANSPORT = 26;
    private static final int LEN = 28;

    private static final int OP_CONNECT = 1;
    private static final int OP_DISCONNECT = 2;
    private static final int OP_PAYLOAD = 4;
    private static final int TRANSPORT_VIRTIO = 2;

    private static final int VIRTIO_HEADER = 44;
    private static final int VIRTIO_LEN = 24;
    private static final int VIRTIO_OP = 30;
    private static final int VIRTIO_FLAGS = 32;
    private static final int VIRTIO_OP_REQUEST = 1;
    private static final int VIRTIO_OP_RESPONSE = 2;
    private static final int VIRTIO_OP_RST = 3;
    private static final int VIRTIO_OP_SHUTDOWN = 4;

    private Vsock() {
    }

    static int parse(byte[] a, int end, Packet p) {
        if (end < HEADER) {
            return PacketParser.malformed(p, "vsockmon header cut short");
        }
        int transportLength = Bytes.le16(a, LEN);
        if (HEADER + transportLength > end) {
            return PacketParser.malformed(p, "vsock transport header cut short");
        }
        p.transport = PacketParser.VSOCK;
        p.family = Endpoints.VSOCK;
        p.srcHi = 0;
        p.srcLo = Bytes.le64(a, SRC_CID);
        p.dstHi = 0;
        p.dstLo = Bytes.le64(a, DST_CID);
        p.srcPort = Bytes.le32(a, SRC_PORT);
        p.dstPort = Bytes.le32(a, DST_PORT);
        p.tcpFlags = 0;
        p.vsockShutdown = 0;
        int payload = HEADER + transportLength;
        p.payloadOffset = payload;
        p.payloadLength = 0;
        p.payloadWireLength = 0;
        boolean virtio = Bytes.le16(a, TRANSPORT) == TRANSPORT_VIRTIO && transportLength >= VIRTIO_HEADER;
        int virtioOp = virtio ? Bytes.le16(a, HEADER + VIRTIO_OP) : 0;
        switch (Bytes.le16(a, OP)) {
            case OP_PAYLOAD -> {
                p.vsockEvent = PAYLOAD;
                p.payloadLength = end - payload;
                // The virtio header's len is what was sent; the frame may have been cut by snaplen.
                long wire = virtio ? Bytes.le32(a, HEADER + VIRTIO_LEN) & 0xFFFF_FFFFL : p.payloadLength;
                p.payloadWireLength = (int) Math.min(Integer.MAX_VALUE, Math.max(wire, p.payloadLength));
            }
            case OP_CONNECT -> p.vsockEvent = virtioOp == VIRTIO_OP_REQUEST ? CONNECT_REQUEST
                    : virtioOp == VIRTIO_OP_RESPONSE ? CONNECT_RESPONSE : CONNECT;
            case OP_DISCONNECT -> {
                if (virtioOp == VIRTIO_OP_SHUTDOWN) {
                    p.vsockEvent = SHUTDOWN;
                    p.vsockShutdown = Bytes.le32(a, HEADER + VIRTIO_FLAGS) & 3;
                } else {
                    p.vsockEvent = virtioOp == VIRTIO_OP_RST ? RESET : SHUTDOWN;
                }
            }
            default -> p.vsockEvent = CONTROL;
        }
        return PacketParser.VSOCK;
    }
}
