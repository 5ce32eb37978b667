package io.lookaside.capture.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.net.LinkType;
import org.junit.jupiter.api.Test;

/** The interface list needs no privilege: libpcap's findalldevs and sysfs. */
class CaptureInterfacesTest {
    @Test
    void loopbackIsListedAsEthernetWithItsAddress() throws Exception {
        assertThat(CaptureInterfaces.list()).filteredOn(i -> i.name().equals("lo")).singleElement().satisfies(lo -> {
            assertThat(lo.linkType()).isEqualTo(LinkType.EN10MB);
            assertThat(lo.linkTypeName()).isEqualTo("Ethernet");
            assertThat(lo.loopback()).isTrue();
            assertThat(lo.addresses()).contains("127.0.0.1");
        });
    }

    @Test
    void linkTypesComeFromSysfsAsLibpcapMapsThem() {
        assertThat(CaptureInterfaces.linkTypeOf("lo")).isEqualTo(LinkType.EN10MB);
        assertThat(CaptureInterfaces.linkTypeOf("any")).isEqualTo(LinkType.LINUX_SLL);
        assertThat(CaptureInterfaces.linkTypeOf("nosuch0")).isEqualTo(-1);
        assertThat(CaptureInterfaces.linkTypeOf("../../etc")).isEqualTo(-1);
        assertThat(CaptureInterfaces.linkTypeName(LinkType.VSOCK)).isEqualTo("VSOCK (vsockmon)");
    }

    @Test
    void ipv6AddressesAreWrittenShort() throws Exception {
        assertThat(CaptureInterfaces.text(java.net.InetAddress.getByName("::1"))).isEqualTo("::1");
        assertThat(CaptureInterfaces.text(java.net.InetAddress.getByName("fd00::2"))).isEqualTo("fd00::2");
        assertThat(CaptureInterfaces.text(java.net.InetAddress.getByName("fe80::fc:ff:fe00:1"))).isEqualTo("fe80::fc:ff:fe00:1");
        assertThat(CaptureInterfaces.text(java.net.InetAddress.getByName("1:0:2:0:0:3:0:4"))).isEqualTo("1:0:2::3:0:4");
        assertThat(CaptureInterfaces.text(java.net.InetAddress.getByName("1:2:3:4:5:6:7:8"))).isEqualTo("1:2:3:4:5:6:7:8");
        assertThat(CaptureInterfaces.text(java.net.InetAddress.getByName("127.0.0.1"))).isEqualTo("127.0.0.1");
    }

    @Test
    void thePacketCounterGrowsWithTraffic() throws Exception {
        long before = CaptureInterfaces.packets("lo");
        assertThat(before).isGreaterThanOrEqualTo(0);
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             java.net.Socket c = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), s.getLocalPort())) {
            c.getOutputStream().write(1);
        }
        assertThat(CaptureInterfaces.packets("lo")).isGreaterThan(before);
        assertThat(CaptureInterfaces.packets("nosuch0")).isEqualTo(-1);
    }
}
