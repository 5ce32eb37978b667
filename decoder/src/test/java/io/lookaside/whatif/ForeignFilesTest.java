package io.lookaside.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForeignFilesTest {
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
    void changedByOthersAnswersAsForeignChangesDoes(String changes, int conn, long since, boolean expected) {
        ForeignFiles files = new ForeignFiles();
        ForeignChanges reference = new ForeignChanges();
        for (String c : changes.split(" ")) {
            String[] p = c.split("@");
            files.changed(3, Integer.parseInt(p[0]), Long.parseLong(p[1]));
            reference.changed("srv:564", new ForeignChanges.File(3), Integer.parseInt(p[0]), Long.parseLong(p[1]));
        }

        assertThat(files.changedByOthers(3, conn, since)).isEqualTo(expected)
                .isEqualTo(reference.changedByOthers("srv:564", new ForeignChanges.File(3), conn, since));
        assertThat(files.changedByOthers(2, conn, since)).isFalse();
        assertThat(files.changedByOthers(1000, conn, since)).isFalse();
    }
}
