package io.lookaside.app.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @ParameterizedTest
    @CsvSource(textBlock = """
            all 3,          all 5,          true
            all 5,          all 3,          false
            all 3,          0 1 2 7,        true
            all 3,          0 2 7,          false
            0 1 2,          all 4,          true
            0 2,            all 4,          false
            2 5,            2 5 9,          true
            2 5,            2 6 9,          false
            '',             4 6,            true
            """)
    void startsWithHoldsWhenTheLongerRowsBeginWithTheShorter(String older, String longer, boolean expected) {
        assertThat(rows(longer).startsWith(rows(older))).isEqualTo(expected);
    }

    @Test
    void equalsIsIdentitySoThatAPropertyNeverComparesMillionsOfRows() {
        assertThat(RowIndex.all(3)).isNotEqualTo(RowIndex.all(3));
        RowIndex r = RowIndex.all(3);
        assertThat(r).isEqualTo(r);
    }

    /** "all N" or ascending message indexes separated by spaces. */
    private static RowIndex rows(String text) {
        if (text.startsWith("all ")) {
            return RowIndex.all(Integer.parseInt(text.substring(4)));
        }
        int[] m = text.isBlank() ? new int[0] : java.util.Arrays.stream(text.split(" ")).mapToInt(Integer::parseInt).toArray();
        return RowIndex.of(m, m.length);
    }
}
