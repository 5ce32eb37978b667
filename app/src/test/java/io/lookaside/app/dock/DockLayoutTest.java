package io.lookaside.app.dock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lookaside.app.dock.DockLayout.Side;
import io.lookaside.app.dock.DockLayout.Split;
import io.lookaside.app.dock.DockLayout.Stack;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockLayoutTest {
    private static final DockLayout TWO = Split.horizontal(0.25, Stack.of("outline"), Stack.of("messages", "findings", "waits"));

    @Test
    void aViewDroppedOnAnEdgeSplitsItsTargetsStackAndLeavesItsOwn() {
        DockLayout l = TWO.with("findings", "messages", Side.RIGHT);

        assertThat(l.stackOf("findings").views()).containsExactly("findings");
        assertThat(l.stackOf("messages").views()).containsExactly("messages", "waits");
        assertThat(l.allViews()).containsExactlyInAnyOrder("outline", "messages", "findings", "waits");
        Split right = (Split) ((Split) l).parts().get(1);
        assertThat(right.vertical()).isFalse();
        assertThat(right.parts()).containsExactly(Stack.of("messages", "waits"), new Stack(List.of("findings"), "findings"));
    }

    @Test
    void aViewDroppedInAStackJoinsItSelectedAndAnEmptiedStackGoes() {
        DockLayout l = TWO.with("outline", "waits", Side.CENTER);

        assertThat(l).isEqualTo(new Stack(List.of("messages", "findings", "waits", "outline"), "outline"));
    }

    @Test
    void fittingDropsViewsThatAreGoneAndAddsNewOnes() {
        DockLayout l = TWO.fittedTo(List.of("outline", "messages", "waits", "properties"), "messages");

        assertThat(l.allViews()).containsExactlyInAnyOrder("outline", "messages", "waits", "properties");
        assertThat(l.stackOf("properties").views()).contains("messages");
    }

    @Test
    void jsonRoundTripsAndRejectsWhatIsNotALayout() throws Exception {
        DockLayout l = TWO.with("findings", "outline", Side.BOTTOM).selecting("waits");

        String json = new ObjectMapper().writeValueAsString(l.toJson());
        assertThat(DockLayout.fromJson(new ObjectMapper().readTree(json))).isEqualTo(l);
        assertThatThrownBy(() -> DockLayout.fromJson(new ObjectMapper().readTree("{\"split\":\"vertical\",\"parts\":[]}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DockLayout.fromJson(new ObjectMapper().readTree("[1,2]")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
