package io.lookaside.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageStoreTest {
    @TempDir
    Path dir;

    private static byte[] content(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(b.position(), out);
        return out;
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            spilled
            heap
            """)
    void viewReturnsEveryMessageAsAppendedAcrossSegments(String where) {
        MessageStore store = new MessageStore(where.equals("heap") ? null : dir);
        Random r = new Random(7);
        List<byte[]> messages = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            byte[] m = new byte[i == 1500 ? (5 << 20) : 7 + r.nextInt(4000)];
            r.nextBytes(m);
            messages.add(m);
            positions.add(store.append(ByteBuffer.wrap(m), m.length));
        }
        store.close();

        for (int i = 0; i < messages.size(); i++) {
            byte[] m = messages.get(i);
            assertThat(content(store.view(store.segments(), positions.get(i), m.length, m.length))).isEqualTo(m);
        }
        long total = messages.stream().mapToLong(m -> m.length).sum();
        assertThat(where.equals("heap") ? store.heapBytes() : store.mappedBytes()).isGreaterThanOrEqualTo(total);
        assertThat(where.equals("heap") ? store.mappedBytes() : store.heapBytes()).isZero();
        assertThat(store.spillProblem()).isNull();
    }

    @Test
    void viewAndWithMessageReadZerosPastWhatWasKept() {
        MessageStore store = new MessageStore(dir);
        byte[] m = new byte[5000];
        Arrays.fill(m, (byte) 0x5A);
        byte[] other = new byte[300];
        Arrays.fill(other, (byte) 0x33);
        long otherAt = store.append(ByteBuffer.wrap(other), other.length);
        long at = store.append(ByteBuffer.wrap(m), 11);
        store.close();
        byte[] expected = new byte[5000];
        Arrays.fill(expected, 0, 11, (byte) 0x5A);

        byte[] viewed = content(store.view(store.segments(), at, 5000, 11));
        byte[] longFirst = store.withMessage(store.segments(), otherAt, 300, 200, MessageStoreTest::content);
        byte[] decoded = store.withMessage(store.segments(), at, 5000, 11, MessageStoreTest::content);

        assertThat(viewed).isEqualTo(expected);
        assertThat(decoded).isEqualTo(expected);
        assertThat(Arrays.copyOfRange(longFirst, 0, 200)).containsOnly((byte) 0x33);
        assertThat(Arrays.copyOfRange(longFirst, 200, 300)).containsOnly((byte) 0);
    }

    @Test
    void viewIsReadOnly() {
        MessageStore store = new MessageStore(dir);
        long at = store.append(ByteBuffer.wrap(new byte[]{1, 2, 3}), 3);

        assertThat(store.view(store.segments(), at, 3, 3).isReadOnly()).isTrue();
        store.close();
        assertThat(store.view(store.segments(), at, 3, 3).isReadOnly()).isTrue();
    }

    @Test
    void appendKeepsBytesOnTheHeapWhenNoTemporaryFileCanBeMade() {
        MessageStore store = new MessageStore(dir.resolve("missing"));
        long at = store.append(ByteBuffer.wrap(new byte[]{9, 8, 7}), 3);
        store.close();

        assertThat(store.spillProblem()).startsWith("no temporary file for message bytes in ");
        assertThat(store.heapBytes()).isPositive();
        assertThat(content(store.view(store.segments(), at, 3, 3))).containsExactly(9, 8, 7);
    }

    @Test
    void closeLeavesNoFileBehind() throws Exception {
        MessageStore store = new MessageStore(dir);
        store.append(ByteBuffer.wrap(new byte[100_000]), 100_000);
        store.append(ByteBuffer.wrap(new byte[100_000]), 100_000);
        store.close();

        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThat(store.mappedBytes()).isEqualTo(200_000);
    }
}
