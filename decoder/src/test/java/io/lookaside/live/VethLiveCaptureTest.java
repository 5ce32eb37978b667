package io.lookaside.live;

import static io.lookaside.live.LiveLab.assertSameMessages;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.capture.live.CaptureInterface;
import io.lookaside.capture.live.CaptureInterfaces;
import io.lookaside.capture.live.PcapLiveSource;
import io.lookaside.session.Session;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * diod inside a network namespace the test makes, its clients on the host, captured live on the
 * host's end of the veth pair between them (as on a container's veth); and that veth deleted in
 * the middle of a capture, which ends it cleanly with everything captured kept.
 */
class VethLiveCaptureTest {
    @TempDir
    Path dir;

    @Test
    void aCaptureOnTheHostEndOfAVethEqualsTheWrittenFile() throws Exception {
        LiveLab.requireRootAndDiod();
        try (Netns ns = new Netns();
             Diod diod = new Diod(ns.exec(), ns.nsAddress, LiveLab.freePort(), dir.resolve("export"))) {
            CaptureInterface listed = CaptureInterfaces.list().stream().filter(i -> i.name().equals(ns.hostIf))
                    .findFirst().orElseThrow(() -> new AssertionError(ns.hostIf + " is not listed"));
            assertThat(listed.linkType()).isEqualTo(1);
            assertThat(listed.addresses()).contains(ns.hostAddress);
            assertThat(CaptureInterfaces.packets(ns.hostIf)).isGreaterThan(0);

            Path file = dir.resolve("veth.pcapng");
            Session live;
            try (Capturing c = new Capturing(PcapLiveSource.Options.of(ns.hostIf, file).withPort(diod.port),
                    LiveSession.Limits.NONE)) {
                diod.browse();
                diod.load(1, 4);
                live = c.stop();
                assertThat(c.last().counters().dropped()).isEqualTo(0);
            }
            assertThat(live.connections()).allSatisfy(conn -> assertThat(conn.id()).contains(ns.nsAddress + ":" + diod.port));
            assertThat(LiveLab.count(live, "Rlerror")).isGreaterThanOrEqualTo(1);
            assertThat(LiveLab.count(live, "Rgetattr")).isGreaterThan(100);
            Session reopened = LiveLab.load(file, diod.port);
            assertSameMessages(live, reopened);
            assertThat(LiveLab.report(live)).isEqualTo(LiveLab.report(reopened));
        }
    }

    @Test
    void anInterfaceThatGoesAwayEndsTheCaptureAndKeepsEverything() throws Exception {
        LiveLab.requireRootAndDiod();
        try (Netns ns = new Netns();
             Diod diod = new Diod(ns.exec(), ns.nsAddress, LiveLab.freePort(), dir.resolve("export"))) {
            Path file = dir.resolve("gone.pcapng");
            try (Capturing c = new Capturing(PcapLiveSource.Options.of(ns.hostIf, file).withPort(diod.port),
                    LiveSession.Limits.NONE)) {
                diod.browse();
                Thread.sleep(300);
                ns.deleteHostEnd();
                Session live = c.await(20);
                LiveSession.Snapshot end = c.last();
                assertThat(end.ended()).isTrue();
                assertThat(end.endReason()).startsWith("interface " + ns.hostIf + " went away");
                assertThat(LiveLab.count(live, "Rlerror")).isGreaterThanOrEqualTo(1);
                assertSameMessages(live, LiveLab.load(file, diod.port));
            }
        }
    }
}
