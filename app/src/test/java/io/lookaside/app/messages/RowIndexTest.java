package io.lookaside.app.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RowIndexTest {

    @Test
    void allMapsEveryRowToTheSameMessage() {
        RowIndex r = RowIndex.all(5);

        assertThat(r).containsExactly(0, 1, 2, 3, 4);
        assertThat(r.rowOf(3)).isEqualTo(3);
        assertThat(r.rowOf(5)).isEqualTo(-1);
    }

    @Test
    void ofShowsOnlyThePrefixOfTheArray() {
        RowIndex r = RowIndex.of(new int[] {2, 7, 9, 0, 0}, 3);

        assertThat(r).containsExactly(2, 7, 9);
        assertThat(r.message(1)).isEqualTo(7);
    }

    @Test
    void rowOfFindsShownMessagesAndRejectsHiddenOnes() {
        RowIndex r = RowIndex.of(new int[] {2, 7, 9}, 3);

        assertThat(r.rowOf(9)).isEqualTo(2);
        assertThat(r.rowOf(8)).isEqualTo(-1);
        assertThat(r.indexOf(7)).isEqualTo(1);
        assertThat(r.contains(3)).isFalse();
    }

    @Test
    void messageRejectsRowsBeyondTheSize() {
        RowIndex r = RowIndex.of(new int[] {2, 7, 9, 11}, 3);

        assertThatThrownBy(() -> r.message(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
