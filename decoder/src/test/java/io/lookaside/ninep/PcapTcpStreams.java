package io.lookaside.ninep;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Test-only: the 9P messages of a gzipped classic pcap of Ethernet/IPv4/TCP, framed by their
 * size fields, in the order their last byte was captured. Just enough TCP reassembly for the
 * loopback samples (in-order delivery with the odd retransmission); the real capture layer
 * lives in capture/, net/ and tcp/.
 */
final class PcapTcpStreams {
    /** One message and its direction, named by "srcaddr:port>dstaddr:port". */
    record Message(String flow, byte[] bytes) {
    }

    private static final int ETHERNET = 1;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int TCP = 6;

    private final List<Message> messages = new ArrayList<>();
    private final Map<String, Stream> streams = new HashMap<>();

    static List<Message> read(Path pcapGz) throws IOException {
        PcapTcpStreams s = new PcapTcpStreams();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(pcapGz))) {
            s.readAll(new DataInputStream(in));
        }
        return s.messages;
    }

    private void readAll(DataInputStream in) throws IOException {
        ByteBuffer global = ByteBuffer.wrap(in.readNBytes(24));
        global.order(global.getInt(0) == 0xa1b2c3d4 || global.getInt(0) == 0xa1b23c4d
                ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        if (global.getInt(20) != ETHERNET) {
            throw new IOException("link type " + global.getInt(20) + " is not Ethernet");
        }
        while (true) {
            byte[] header = in.readNBytes(16);
            if (header.length < 16) {
                return;
            }
            int capLen = ByteBuffer.wrap(header).order(global.order()).getInt(8);
            byte[] frame = in.readNBytes(capLen);
            if (frame.length < capLen) {
                throw new EOFException("truncated pcap record");
            }
            frame(ByteBuffer.wrap(frame));
        }
    }

    private void frame(ByteBuffer f) {
        if (f.limit() < 14 + 20 || (f.getShort(12) & 0xFFFF) != ETHERTYPE_IPV4) {
            return;
        }
        int ip = 14;
        int ipHeader = (f.get(ip) & 0x0F) * 4;
        int ipTotal = f.getShort(ip + 2) & 0xFFFF;
        if (f.get(ip + 9) != TCP) {
            return;
        }
        int tcp = ip + ipHeader;
        int tcpHeader = ((f.get(tcp + 12) & 0xF0) >> 4) * 4;
        int payload = tcp + tcpHeader;
        int end = Math.min(ip + ipTotal, f.limit());
        String flow = address(f, ip + 12) + ":" + (f.getShort(tcp) & 0xFFFF) + ">"
                + address(f, ip + 16) + ":" + (f.getShort(tcp + 2) & 0xFFFF);
        if (end > payload) {
            byte[] data = new byte[end - payload];
            f.get(payload, data);
            streams.computeIfAbsent(flow, Stream::new).segment(f.getInt(tcp + 4), data);
        }
    }

    private static String address(ByteBuffer f, int at) {
        return (f.get(at) & 0xFF) + "." + (f.get(at + 1) & 0xFF) + "." + (f.get(at + 2) & 0xFF)
                + "." + (f.get(at + 3) & 0xFF);
    }

    /** One direction of one connection: bytes in sequence order, cut into 9P messages. */
    private final class Stream {
        private final String flow;
        private final TreeMap<Integer, byte[]> early = new TreeMap<>(Integer::compareUnsigned);
        private byte[] buffered = new byte[0];
        private Integer next;

        Stream(String flow) {
            this.flow = flow;
        }

        void segment(int seq, byte[] data) {
            if (next == null) {
                next = seq;
            }
            early.put(seq, data);
            while (!early.isEmpty()) {
                int first = early.firstKey();
                int ahead = first - next;
                if (ahead > 0) {
                    return;
                }
                byte[] d = early.remove(first);
                if (-ahead < d.length) {
                    append(d, -ahead);
                }
            }
        }

        private void append(byte[] d, int from) {
            byte[] joined = new byte[buffered.length + d.length - from];
            System.arraycopy(buffered, 0, joined, 0, buffered.length);
            System.arraycopy(d, from, joined, buffered.length, d.length - from);
            buffered = joined;
            next += d.length - from;
            int at = 0;
            while (buffered.length - at >= 4) {
                int size = ByteBuffer.wrap(buffered, at, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                if (size < 4 || buffered.length - at < size) {
                    break;
                }
                byte[] msg = new byte[size];
                System.arraycopy(buffered, at, msg, 0, size);
                messages.add(new Message(flow, msg));
                at += size;
            }
            byte[] rest = new byte[buffered.length - at];
            System.arraycopy(buffered, at, rest, 0, rest.length);
            buffered = rest;
        }
    }
}
