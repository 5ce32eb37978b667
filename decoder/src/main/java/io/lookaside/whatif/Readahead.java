package io.lookaside.whatif;

/**
 * Linux's readahead for one open file, as v9fs cache=loose gets it (Linux 6.1, mm/readahead.c
 * and mm/filemap.c; docs/validation.md traces each step): the state of {@code struct file_ra_state}
 * and the decisions of {@code ondemand_readahead} (read(2)) and {@code do_sync_mmap_readahead} /
 * {@code do_async_mmap_readahead} (page faults). It decides which pages to read; {@link Pages}
 * says which are cached and reads the missing ones, one Tread per contiguous run of missing pages
 * up to the largest Tread (msize − 24 or the fid's iounit).
 */
final class Readahead {
    /** mm/filemap.c MMAP_LOTSAMISS: past this many more misses than hits, faults stop reading around. */
    static final int MMAP_LOTSAMISS = 100;

    /** The page cache of one file, as far as readahead needs it. */
    interface Pages {
        boolean cached(long page);

        /** PG_readahead on a cached page: a read reaching it starts the next window. */
        boolean marked(long page);

        void unmark(long page);

        /**
         * do_page_cache_ra: reads the missing pages of [index, index + count), clipped at the end of
         * the file when its size is known, marking the page {@code count − lookahead} of the range
         * when it is one of those read; returns the Treads sent.
         */
        int read(long index, long count, long lookahead);
    }

    /** ra->ra_pages: (msize − P9_IOHDRSZ) >> PAGE_SHIFT (fs/9p/vfs_super.c, v9fs_fill_super). */
    private final long maxPages;
    private long start;
    private long size;
    private long asyncSize;
    /** ra->prev_pos, −1 when nothing was read yet (file_ra_state_init). */
    private long prevPos = -1;
    private int mmapMiss;

    Readahead(long maxPages) {
        this.maxPages = maxPages;
    }

    /**
     * A read(2) of pages [first, last) (filemap_read → filemap_get_pages): a missing page starts a
     * synchronous readahead for the rest of the request, a marked one the next asynchronous window.
     * Returns the Treads sent; {@code endPos} becomes ra->prev_pos.
     */
    int read(Pages pages, long first, long last, long endPos) {
        int treads = 0;
        long index = first;
        while (index < last) {
            if (pages.cached(index)) {
                if (pages.marked(index)) {
                    pages.unmark(index);
                    treads += ondemand(pages, index, last - index, true);
                }
                index++;
            } else {
                treads += maxPages == 0 ? 0 : ondemand(pages, index, last - index, false);
                if (!pages.cached(index)) {
                    // No readahead (ra_pages 0) or a window clipped before it: filemap_read_folio.
                    treads += pages.read(index, 1, 0);
                    if (!pages.cached(index)) {
                        break;  // past the end of the file: nothing more to read
                    }
                }
            }
        }
        prevPos = endPos;
        return treads;
    }

    /**
     * A page fault on {@code index} (filemap_fault): a cached page may start the next window
     * (do_async_mmap_readahead), a missing one reads around it (do_sync_mmap_readahead), ra_pages
     * centred on the fault, unless this file's faults miss far more than they hit.
     */
    int fault(Pages pages, long index) {
        if (pages.cached(index)) {
            if (mmapMiss > 0) {
                mmapMiss--;
            }
            if (pages.marked(index) && maxPages > 0) {
                pages.unmark(index);
                return ondemand(pages, index, maxPages, true);
            }
            return 0;
        }
        int treads = 0;
        if (maxPages > 0) {
            if (mmapMiss < MMAP_LOTSAMISS * 10) {
                mmapMiss++;
            }
            if (mmapMiss <= MMAP_LOTSAMISS) {
                start = Math.max(0, index - maxPages / 2);
                size = maxPages;
                asyncSize = maxPages / 4;
                treads += pages.read(start, size, asyncSize);
            }
        }
        if (!pages.cached(index)) {
            treads += pages.read(index, 1, 0);
        }
        return treads;
    }

    /** True when a read at {@code pos} continues the previous read(2) of this file exactly. */
    boolean continues(long pos) {
        return prevPos >= 0 && pos == prevPos;
    }

    /** ondemand_readahead: the window for a miss ({@code marker} false) or a marked page. */
    private int ondemand(Pages pages, long index, long request, boolean marker) {
        long max = maxPages;
        boolean initial = false;
        if (index == 0) {
            initial = true;
        } else if (index == start + size - asyncSize || index == start + size) {
            // The expected index: sequential, ramp up and push the window forward.
            start += size;
            size = nextSize(size, max);
            asyncSize = size;
        } else if (marker) {
            // A marked page without a matching state (another reader's window): resume after it.
            long next = index + 1;
            while (next - index <= max && pages.cached(next)) {
                next++;
            }
            if (next - index > max) {
                return 0;
            }
            start = next;
            size = nextSize(next - index + request, max);
            asyncSize = size;
        } else if (request > max) {
            initial = true;
        } else if (prevPos >= 0 && (index == prevPos / PageCache.PAGE || index == prevPos / PageCache.PAGE + 1)) {
            initial = true;  // a sequential miss
        } else {
            long history = 0;
            while (history < max && index - 1 - history >= 0 && pages.cached(index - 1 - history)) {
                history++;
            }
            if (history <= request) {
                return pages.read(index, request, 0);  // a small random read: no readahead state
            }
            if (history >= index) {
                history *= 2;  // cached from the start of the file: a long sequential stream
            }
            start = index;
            size = Math.min(history + request, max);
            asyncSize = 1;
        }
        if (initial) {
            start = index;
            size = initSize(request, max);
            asyncSize = size > request ? size - request : size;
        }
        if (index == start && size == asyncSize) {
            // The read would hit its own marker: merge the next window in now.
            long add = nextSize(size, max);
            if (size + add <= max) {
                asyncSize = add;
                size += add;
            } else {
                size = max;
                asyncSize = max >> 1;
            }
        }
        return pages.read(start, size, asyncSize);
    }

    /** get_init_ra_size: 4× a small request, 2× a medium one, else the maximum. */
    static long initSize(long request, long max) {
        long size = Long.highestOneBit(Math.max(1, request));
        if (size < request) {
            size <<= 1;
        }
        if (size <= max / 32) {
            return size * 4;
        }
        if (size <= max / 4) {
            return size * 2;
        }
        return max;
    }

    /** get_next_ra_size: 4× while small, then 2×, then the maximum. */
    static long nextSize(long current, long max) {
        if (current < max / 16) {
            return 4 * current;
        }
        if (current <= max / 2) {
            return 2 * current;
        }
        return max;
    }
}
