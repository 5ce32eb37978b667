package io.lookaside.app.lifecycles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class ShownRowsTest {
    private final ShownRows<String> rows = new ShownRows<>();
    private final List<String> changes = new ArrayList<>();

    ShownRowsTest() {
        rows.addListener((ListChangeListener<String>) c -> {
            while (c.next()) {
                changes.add("removed " + c.getRemoved() + ", added " + c.getAddedSubList());
            }
        });
    }

    @Test
    void showReplacesEveryRowInOneChange() {
        rows.show(List.of("a", "b", "c"));
        rows.show(List.of("d"));
        rows.show(List.of());

        assertThat(changes).containsExactly("removed [], added [a, b, c]", "removed [a, b, c], added [d]",
                "removed [d], added []");
        assertThat(rows).isEmpty();
    }

    @Test
    void showOfTheListOnShowChangesNothing() {
        List<String> shown = List.of("a", "b");
        rows.show(shown);
        changes.clear();

        rows.show(shown);
        rows.show(List.of());
        rows.show(List.of());

        assertThat(changes).containsExactly("removed [a, b], added []");
    }
}
