package io.lookaside.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.capture.RecordingSink;
import io.lookaside.net.Frames;
import io.lookaside.net.LinkType;
import io.lookaside.net.Packet;
import io.lookaside.net.PacketParser;
import io.lookaside.net.Tcp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowTableTest {
    private final FlowTracker tracker = new FlowTracker(new RecordingSink(), 0, TrackerLimits.DEFAULT);

    private static Packet packet(int srcIp, int srcPort, int dstIp, int dstPort) {
        byte[] ip = Frames.ipv4(srcIp, dstIp, Frames.tcp(srcPort, dstPort, 1, 1, Tcp.ACK, new byte[0]));
        Packet p = new Packet();
        PacketParser.parse(ip, ip.length, LinkType.RAW, p);
        return p;
    }

    private Flow add(FlowTable t, Packet p) {
        assertThat(t.find(p)).isNull();
        Flow f = new Flow(tracker, p.family(), p.srcHi(), p.srcLo(), p.srcPort(), p.dstHi(), p.dstLo(), p.dstPort());
        t.put(f);
        return f;
    }

    @Test
    void findGivesBothDirectionsTheSameFlowAndTellsThemApart() {
        FlowTable t = new FlowTable();
        Packet out = packet(Frames.ip4(10, 0, 0, 9), 50000, Frames.ip4(10, 0, 0, 1), 564);
        Packet back = packet(Frames.ip4(10, 0, 0, 1), 564, Frames.ip4(10, 0, 0, 9), 50000);
        Flow f = add(t, out);

        int outDir = t.direction();
        assertThat(t.find(back)).isSameAs(f);
        int backDir = t.direction();
        assertThat(t.find(out)).isSameAs(f);
        assertThat(outDir).isEqualTo(1);
        assertThat(backDir).isEqualTo(0);
    }

    @Test
    void putKeepsEveryFlowFindableWhileTheTableGrows() {
        FlowTable t = new FlowTable();
        List<Flow> flows = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            flows.add(add(t, packet(Frames.ip4(10, 1, i >> 8, i & 0xFF), 40000 + i % 7, Frames.ip4(10, 0, 0, 1), 564)));
        }

        for (int i = 0; i < 5000; i++) {
            assertThat(t.find(packet(Frames.ip4(10, 0, 0, 1), 564, Frames.ip4(10, 1, i >> 8, i & 0xFF), 40000 + i % 7)))
                    .isSameAs(flows.get(i));
        }
        assertThat(t.size()).isEqualTo(5000);
    }

    @Test
    void purgeDropsClosedFlowsAndFlowsThatAreNotNineP() {
        FlowTable t = new FlowTable();
        Flow open = add(t, packet(1, 1000, 2, 564));
        Flow closed = add(t, packet(1, 1001, 2, 564));
        Flow other = add(t, packet(1, 1002, 2, 80));
        closed.closed = true;
        other.status = Flow.NOT_NINEP;

        assertThat(t.purge()).isEqualTo(2);
        assertThat(t.find(packet(1, 1000, 2, 564))).isSameAs(open);
        assertThat(t.find(packet(1, 1001, 2, 564))).isNull();
        assertThat(t.size()).isEqualTo(1);
    }
}
