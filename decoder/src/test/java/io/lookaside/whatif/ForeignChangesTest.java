package io.lookaside.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForeignChangesTest {
    @ParameterizedTest
    @CsvSource(textBlock = """
            # changes (conn@time), asking conn, since, changed by others
            0@10,           0, 5,  false
            0@10,           1, 5,  true
            0@10,           1, 10, false
            1@10 0@20,      0, 5,  true
            1@10 0@20,      0, 15, false
            1@10 0@20,      1, 15, true
            1@10 2@20 0@30, 0, 15, true
            """)
    void changedByOthersSeesTheLatestChangeOfAnyOtherConnection(String changes, int conn, long since,
                                                                boolean expected) {
        ForeignChanges f = new ForeignChanges();
        for (String c : changes.split(" ")) {
            String[] p = c.split("@");
            f.changed("srv:564", "x", Integer.parseInt(p[0]), Long.parseLong(p[1]));
        }

        assertThat(f.changedByOthers("srv:564", "x", conn, since)).isEqualTo(expected);
        assertThat(f.changedByOthers("other:564", "x", conn, since)).isFalse();
    }
}
