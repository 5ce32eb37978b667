package io.lookaside.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FuseTraceTest {
    private static final long NEVER = Long.MIN_VALUE;
    private static final long MAX = Long.MAX_VALUE;

    @ParameterizedTest
    @CsvSource(textBlock = """
            # at, window, answered, expiry
            100, 50, 7, 150
            100, 0, 7, 100
            100, -1, 7, 107
            100, -1, 0, -9223372036854775808
            100, 9223372036854775807, 0, 9223372036854775807
            100, 9223372036854775800, 0, 9223372036854775807
            """)
    void expiryFollowsTheWindowOrTheAnsweredValidity(long at, long window, long answered, long expiry) {
        assertThat(FuseTrace.expiry(at, window, answered)).isEqualTo(expiry);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # now, simulated expiry, kernel expiry, window, counts
            10, 20, 5, 1000, true
            10, 20, 15, 1000, false
            10, 5, 0, 1000, false
            10, 20, 15, -1, true
            10, 20, -9223372036854775808, 1000, true
            """)
    void hitCountsOnlyWhereTheKernelsOwnCacheHadRunOut(long now, long sim, long kernel, long window, boolean hit) {
        assertThat(FuseTrace.hit(now, sim, kernel, window)).isEqualTo(hit);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            1, 500, 1000000500
            0, 0, 0
            18446744073, 0, 9223372036854775807
            -1, 0, 9223372036854775807
            """)
    void nanosSaturates(long seconds, long nsec, long nanos) {
        assertThat(FuseTrace.nanos(seconds, nsec)).isEqualTo(nanos);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # max_write, max_pages, limit
            131072, 32, 131072
            1048576, 32, 131072
            1048576, 256, 1048576
            1024, 32, 4096
            """)
    void requestLimitIsTheSmallerOfMaxWriteAndMaxPages(long maxWrite, int maxPages, long limit) {
        assertThat(new FuseTrace.Init(true, 0, maxWrite, maxPages).requestLimit()).isEqualTo(limit);
    }
}
