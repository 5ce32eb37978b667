package io.lookaside.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnsTest {

    private static Columns filled(int rows) {
        Columns c = new Columns();
        for (int i = 0; i < rows; i++) {
            c.ensure(i);
            c.tsNanos(i, i * 10L);
            c.frame(i, i + 1);
            c.peer(i, -1);
            c.type(i, i % 200);
        }
        return c;
    }

    @Test
    void ensureGrowsInChunksAndKeepsEveryRow() {
        int rows = 3 * Columns.CHUNK + 17;
        Columns c = filled(rows);

        assertThat(c.tsNanos(0)).isZero();
        assertThat(c.tsNanos(Columns.CHUNK)).isEqualTo(Columns.CHUNK * 10L);
        assertThat(c.frame(rows - 1)).isEqualTo(rows);
        assertThat(c.type(rows - 1)).isEqualTo((rows - 1) % 200);
        assertThat(c.retainedBytes()).isEqualTo(4L * Columns.CHUNK * Columns.ROW_BYTES);
    }

    @Test
    void trimCutsTheLastChunkToTheRowsUsed() {
        Columns small = filled(10);
        Columns large = filled(Columns.CHUNK + 10);

        small.trim(10);
        large.trim(Columns.CHUNK + 10);

        assertThat(small.retainedBytes()).isEqualTo(10L * Columns.ROW_BYTES);
        assertThat(large.retainedBytes()).isEqualTo((Columns.CHUNK + 10L) * Columns.ROW_BYTES);
        assertThat(large.frame(Columns.CHUNK + 9)).isEqualTo(Columns.CHUNK + 10);
    }

    @Test
    void snapshotKeepsItsRowsWhileTheColumnsGrowOn() {
        Columns c = filled(1000);
        Columns snapshot = c.snapshot();

        for (int i = 1000; i < 2 * Columns.CHUNK; i++) {
            c.ensure(i);
            c.frame(i, -i);
        }
        c.addFlag(5, Session.FLUSHED);

        assertThat(snapshot.frame(999)).isEqualTo(1000);
        assertThat(snapshot.tsNanos(500)).isEqualTo(5000);
        assertThat(c.frame(2 * Columns.CHUNK - 1)).isEqualTo(-(2 * Columns.CHUNK - 1));
        assertThat(c.flags(5)).isEqualTo(Session.FLUSHED);
    }
}
