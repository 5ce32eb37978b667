package io.lookaside.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Readahead's window arithmetic against Linux 6.1 mm/readahead.c, with the 15-page ra_pages of
 * msize 65536 ((65536 − 24) >> 12). The windows are what a cache=loose trace shows as Tread
 * counts: a1_v9fs_qemu_capture's bigread pair checks the whole model (V9fsLooseValidationTest).
 */
class ReadaheadTest {
    private static final long RA = 15;

    /** A file of {@code pages} pages, every read recorded as [index, count]. */
    private static final class FakePages implements Readahead.Pages {
        final long pages;
        final Set<Long> cached = new HashSet<>();
        final Set<Long> marks = new HashSet<>();
        final List<long[]> reads = new ArrayList<>();

        FakePages(long pages) {
            this.pages = pages;
        }

        @Override
        public boolean cached(long page) {
            return cached.contains(page);
        }

        @Override
        public boolean marked(long page) {
            return marks.contains(page);
        }

        @Override
        public void unmark(long page) {
            marks.remove(page);
        }

        @Override
        public int read(long index, long count, long lookahead) {
            long n = Math.min(count, pages - index);
            if (n <= 0) {
                return 0;
            }
            int treads = 0;
            boolean inRun = false;
            for (long i = index; i < index + n; i++) {
                if (!cached.contains(i)) {
                    cached.add(i);
                    if (!inRun) {
                        treads++;
                    }
                    inRun = true;
                    if (lookahead > 0 && i == index + n - lookahead) {
                        marks.add(i);
                    }
                } else {
                    inRun = false;
                }
            }
            reads.add(new long[] {index, n});
            return treads;
        }
    }

    @Test
    void initialAndNextWindowSizesFollowTheKernel() {
        // get_init_ra_size(1, 15): 1 <= 15/4 → 2 pages; (4, 15): 4 > 3 → max
        assertThat(Readahead.initSize(1, RA)).isEqualTo(2);
        assertThat(Readahead.initSize(3, RA)).isEqualTo(RA);
        assertThat(Readahead.initSize(1, 32)).isEqualTo(4);   // 1 <= 32/32: 4x
        assertThat(Readahead.initSize(4, 32)).isEqualTo(8);   // 4 <= 32/4: 2x
        // get_next_ra_size: 2 → 4 (≤ 15/2), 4 → 8, 8 → 15 (max)
        assertThat(Readahead.nextSize(2, RA)).isEqualTo(4);
        assertThat(Readahead.nextSize(8, RA)).isEqualTo(RA);
        assertThat(Readahead.nextSize(1, 32)).isEqualTo(4);   // 1 < 32/16: 4x
    }

    @Test
    void sequentialPageReadsRampUpToRaPagesAndSendFewTreads() {
        FakePages file = new FakePages(1000);
        Readahead ra = new Readahead(RA);
        int treads = 0;
        for (long page = 0; page < 150; page++) {
            treads += ra.read(file, page, page + 1, (page + 1) * PageCache.PAGE);
        }
        // 2, 4, 8, then 15-page windows: 150 pages in 2 + 4 + 8 + 15·9 = 149 (+1 window started)
        assertThat(file.reads.get(0)).containsExactly(0, 2);
        assertThat(file.reads.get(1)).containsExactly(2, 4);
        assertThat(file.reads.get(2)).containsExactly(6, 8);
        assertThat(file.reads.get(3)).containsExactly(14, 15);
        assertThat(treads).isBetween(12, 14);
    }

    @Test
    void aRandomSinglePageReadReadsOnlyThatPage() {
        FakePages file = new FakePages(1000);
        Readahead ra = new Readahead(RA);
        assertThat(ra.read(file, 400, 401, 401 * PageCache.PAGE)).isEqualTo(1);
        assertThat(file.reads).hasSize(1);
        assertThat(file.reads.get(0)).containsExactly(400, 1);
    }

    @Test
    void aPageFaultReadsRaPagesAroundItAndLaterFaultsThereHit() {
        FakePages file = new FakePages(1000);
        Readahead ra = new Readahead(RA);
        assertThat(ra.fault(file, 100)).isEqualTo(1);
        assertThat(file.reads.get(0)).containsExactly(93, 15);   // pgoff − ra_pages/2
        assertThat(ra.fault(file, 95)).isZero();
        assertThat(ra.fault(file, 107)).isZero();
    }

    @Test
    void readsStopAtTheEndOfTheFile() {
        FakePages file = new FakePages(3);
        Readahead ra = new Readahead(RA);
        assertThat(ra.read(file, 0, 1, PageCache.PAGE)).isEqualTo(1);
        assertThat(file.reads.get(0)).containsExactly(0, 2);
        ra.read(file, 1, 3, 3 * PageCache.PAGE);
        assertThat(file.cached).containsExactlyInAnyOrder(0L, 1L, 2L);
    }
}
