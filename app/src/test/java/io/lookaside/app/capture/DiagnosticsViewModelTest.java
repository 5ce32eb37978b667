package io.lookaside.app.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.capture.Diagnostic;
import io.lookaside.capture.Protocol;
import io.lookaside.session.Session;
import io.lookaside.session.SessionBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticsViewModelTest {
    private final List<Long> opened = new ArrayList<>();
    private final DiagnosticsViewModel vm = new DiagnosticsViewModel(opened::add);

    /** Two Tgetattr with tag 1 and no reply between them: the session warns about the reused tag (intro(5)). */
    private static Session tagReused() {
        SessionBuilder b = new SessionBuilder("test");
        b.connection(0, Protocol.NINEP, "10.0.2.15:41000>10.0.2.2:564");
        b.message(0, true, 3, 1_000, tgetattr(1, 7), 0);
        b.message(0, true, 5, 2_000, tgetattr(1, 8), 0);
        return b.build();
    }

    /** Tgetattr: size[4] type[1]=24 tag[2] fid[4] request_mask[8] (9P2000.L). */
    private static ByteBuffer tgetattr(int tag, int fid) {
        ByteBuffer m = ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN);
        m.putInt(19).put((byte) 24).putShort((short) tag).putInt(fid).putLong(0x3FFL);
        return m.flip();
    }

    @Test
    void showListsTheSessionsDiagnosticsWithTheirConnection() {
        vm.show(tagReused());

        assertThat(vm.items()).hasSize(1);
        Diagnostic d = vm.items().get(0);
        assertThat(d.text()).contains("tag 1 reused");
        assertThat(vm.frame(d)).isEqualTo("5");
        assertThat(vm.connection(d)).isEqualTo("10.0.2.15:41000>10.0.2.2:564");
        assertThat(vm.severity(d)).isEqualTo("warning");
        assertThat(vm.countProperty().get()).isEqualTo(1);
    }

    @Test
    void openGoesToTheDiagnosticsFrame() {
        vm.show(tagReused());

        vm.open(vm.items().get(0));

        assertThat(opened).containsExactly(5L);
    }

    @Test
    void openIgnoresDiagnosticsOfTheWholeInput() {
        vm.open(Diagnostic.info(0, -1, "whole input"));

        assertThat(opened).isEmpty();
        assertThat(vm.connection(Diagnostic.info(0, -1, "whole input"))).isEmpty();
    }

    @Test
    void showNothingClearsTheList() {
        vm.show(tagReused());

        vm.show(null);

        assertThat(vm.items()).isEmpty();
    }
}
