package io.lookaside.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The same cases as {@link ForeignChangesTest}: both must answer alike. */
class ForeignChangesByIdTest {
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
            2@10 0@20 0@30, 0, 5,  true
            2@10 0@20 0@30, 0, 10, false
            """)
    void changedByOthersAnswersAsForeignChanges(String changes, int conn, long since, boolean expected) {
        ForeignChangesById byId = new ForeignChangesById();
        ForeignChanges byKey = new ForeignChanges();
        for (String c : changes.split(" ")) {
            String[] p = c.split("@");
            byId.changed(20, Integer.parseInt(p[0]), Long.parseLong(p[1]));
            byKey.changed("srv:564", "x", Integer.parseInt(p[0]), Long.parseLong(p[1]));
        }

        assertThat(byId.changedByOthers(20, conn, since)).isEqualTo(expected)
                .isEqualTo(byKey.changedByOthers("srv:564", "x", conn, since));
        assertThat(byId.changedByOthers(3, conn, since)).isFalse();
        assertThat(byId.changedByOthers(-1, conn, since)).isFalse();
        assertThat(byId.changedByOthers(500, conn, since)).isFalse();
    }
}
