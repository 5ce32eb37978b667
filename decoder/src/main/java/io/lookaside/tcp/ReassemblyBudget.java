package io.lookaside.tcp;

/** Out-of-order bytes held by all flows together, against {@link TrackerLimits#maxBufferedTotal()}. */
final class ReassemblyBudget {
    private final long limit;
    private long held;

    ReassemblyBudget(long limit) {
        this.limit = limit;
    }

    boolean allows(long more) {
        return held + more <= limit;
    }

    void take(long n) {
        held += n;
    }

    void give(long n) {
        held -= n;
    }

    long held() {
        return held;
    }

    long limit() {
        return limit;
    }
}
