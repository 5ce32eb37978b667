package io.lookaside.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.FuzzInput;
import io.lookaside.session.HostileLoad;
import io.lookaside.session.SessionChecks;
import java.io.IOException;

/**
 * The body of the file fuzz targets: the input becomes a file (gzip-compressed or not),
 * which is loaded as a user's file is, detected by content or forced to a kind. It is refused
 * with a one-line {@link CaptureException}, or it gives a session that passes
 * {@link SessionChecks}; either way loading allocates no more than {@link #allocationBound}.
 *
 * <pre>
 * input:    selector[1] file
 * selector: bit 0 gzip-compressed, bit 1 forced to the target's kind (--as) instead of
 *           detected, bit 2 TCP port 5640 given as 9P (--port)
 * </pre>
 */
final class FileFuzzing {
    private FileFuzzing() {
    }

    /** Jazzer fuzzes (rather than replays seeds and findings) when this is set, as Jazzer itself reads it. */
    private static final boolean FUZZING = !System.getenv().getOrDefault("JAZZER_FUZZ", "").isEmpty();

    /**
     * Allocation allowed for loading {@code n} input bytes. Replaying seeds and findings: fixed
     * buffers (stream buffers, the session's first store chunk and columns, libpcap's record
     * copies) plus a constant per input byte for what the input may legitimately make (rows,
     * stored bytes, lines), as in the mutation test; a length field that drives an allocation
     * instead of the bytes present breaks it. While fuzzing, Jazzer's hooks on string and regex
     * methods allocate too (about 10 MB for 60 tracefs lines), so only a gross excess counts
     * there; the tight bound is the replay's and the mutation test's.
     */
    static long allocationBound(long n) {
        return FUZZING ? (64L << 20) + 4096 * n : (8L << 20) + 64 * n;
    }

    static void load(byte[] input, InputKind kind) throws IOException {
        FuzzInput in = new FuzzInput(input);
        int selector = in.u8();
        byte[] file = in.rest();
        CaptureOptions options = new CaptureOptions((selector & 4) != 0 ? 5640 : 0, (selector & 2) != 0 ? kind : null);

        HostileLoad.Outcome outcome = HostileLoad.load(file, (selector & 1) != 0, options);
        if (outcome.allocatedBytes() > allocationBound(file.length)) {
            // The first input that takes a new path also loads (and instruments) classes, whose
            // allocations count on this thread: the bound holds for the repeat.
            outcome = HostileLoad.load(file, (selector & 1) != 0, options);
        }

        if (outcome.session() != null) {
            SessionChecks.check(outcome.session(), !outcome.session().sourceKind().startsWith("pcap"));
        }
        assertThat(outcome.allocatedBytes()).as("bytes allocated to load %d input bytes", file.length)
                .isLessThanOrEqualTo(allocationBound(file.length));
    }
}
