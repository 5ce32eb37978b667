package io.lookaside.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PairIdsTest {
    @Test
    void internGivesDenseIdsInOrderOfFirstSightAndTheSameIdAgain() {
        PairIds ids = new PairIds();
        assertThat(ids.intern(7, 1)).isZero();
        assertThat(ids.intern(1, 7)).isEqualTo(1);
        assertThat(ids.intern(7, 1)).isZero();
        assertThat(ids.size()).isEqualTo(2);
        assertThat(ids.first(1)).isEqualTo(1);
        assertThat(ids.second(1)).isEqualTo(7);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # connections, qid.paths per connection (many connections to the same files collide in a weak hash)
            149, 1000
            1,   100000
            """)
    void internAndFindAgreeWithAMapAcrossGrowth(int connections, int qids) {
        PairIds ids = new PairIds();
        Map<List<Long>, Integer> expected = new HashMap<>();
        for (long c = 0; c < connections; c++) {
            for (long q = 0; q < qids; q++) {
                long qid = q << 40 | q;
                int id = ids.intern(c, qid);
                assertThat(expected.putIfAbsent(List.of(c, qid), id)).isNull();
            }
        }
        assertThat(ids.size()).isEqualTo(connections * qids);
        expected.forEach((k, id) -> assertThat(ids.find(k.get(0), k.get(1))).isEqualTo(id));
        assertThat(ids.find(connections, 0)).isEqualTo(PairIds.MISSING);
    }
}
