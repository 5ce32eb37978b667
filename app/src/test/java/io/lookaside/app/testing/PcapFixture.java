package io.lookaside.app.testing;

import io.lookaside.capture.Protocol;
import io.lookaside.session.Session;
import io.lookaside.session.SessionBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Test-only: a session from a real sample through a minimal classic-pcap reader (Ethernet,
 * IPv4, in-order TCP on port 564, 9P size[4] framing) feeding the real {@link SessionBuilder}.
 * Good enough for the loopback samples; the real capture layer replaces it in the tests.
 */
public final class PcapFixture {
    private PcapFixture() {
    }

    public static Session load(Path gz) throws IOException {
        byte[] all;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            all = in.readAllBytes();
        }
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        boolean nanos = b.getInt(0) == 0xA1B23C4D;
        SessionBuilder sink = new SessionBuilder(gz.toString());
        sink.sourceKind("pcap");
        Map<String, Stream> streams = new HashMap<>();
        Map<String, Integer> conns = new HashMap<>();
        int at = 24;
        long frame = 0;
        while (at + 16 <= all.length) {
            long sec = b.getInt(at) & 0xFFFFFFFFL;
            long sub = b.getInt(at + 4) & 0xFFFFFFFFL;
            int len = b.getInt(at + 8);
            int p = at + 16;
            at = p + len;
            frame++;
            long ts = sec * 1_000_000_000L + (nanos ? sub : sub * 1000);
            if (len < 54 || (all[p + 12] & 0xFF) != 0x08 || all[p + 13] != 0 || all[p + 23] != 6) {
                continue;
            }
            int ip = p + 14;
            int ihl = (all[ip] & 0xF) * 4;
            int totalLen = ((all[ip + 2] & 0xFF) << 8) | (all[ip + 3] & 0xFF);
            int tcp = ip + ihl;
            int sport = ((all[tcp] & 0xFF) << 8) | (all[tcp + 1] & 0xFF);
            int dport = ((all[tcp + 2] & 0xFF) << 8) | (all[tcp + 3] & 0xFF);
            if (sport != 564 && dport != 564) {
                continue;
            }
            long seq = ByteBuffer.wrap(all, tcp + 4, 4).getInt() & 0xFFFFFFFFL;
            int dataOff = ((all[tcp + 12] & 0xFF) >>> 4) * 4;
            boolean syn = (all[tcp + 13] & 0x02) != 0;
            String src = ip(all, ip + 12) + ":" + sport;
            String dst = ip(all, ip + 16) + ":" + dport;
            boolean fromClient = dport == 564;
            String connId = fromClient ? src + ">" + dst : dst + ">" + src;
            String key = src + ">" + dst;
            Stream s = streams.computeIfAbsent(key, k -> new Stream());
            Integer conn = conns.get(connId);
            if (conn == null) {
                conn = conns.size();
                conns.put(connId, conn);
                sink.connection(conn, Protocol.NINEP, connId);
            }
            s.conn = conn;
            if (syn) {
                s.next = seq + 1;
                continue;
            }
            int payload = ip + totalLen - (tcp + dataOff);
            if (payload <= 0) {
                continue;
            }
            long skip = s.next < 0 ? 0 : s.next - seq;
            if (skip >= payload) {
                continue;
            }
            int from = tcp + dataOff + (int) Math.max(0, skip);
            s.buf.write(all, from, payload - (int) Math.max(0, skip));
            s.next = seq + payload;
            byte[] data = s.buf.toByteArray();
            int used = 0;
            while (data.length - used >= 7) {
                int size = ByteBuffer.wrap(data, used, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                if (size < 7 || data.length - used < size) {
                    break;
                }
                sink.message(s.conn, fromClient, frame, ts, ByteBuffer.wrap(data, used, size).slice(), 0);
                used += size;
            }
            s.buf.reset();
            s.buf.write(data, used, data.length - used);
        }
        return sink.build();
    }

    private static String ip(byte[] a, int at) {
        return (a[at] & 0xFF) + "." + (a[at + 1] & 0xFF) + "." + (a[at + 2] & 0xFF) + "." + (a[at + 3] & 0xFF);
    }

    private static final class Stream {
        final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        long next = -1;
        int conn;
    }
}
