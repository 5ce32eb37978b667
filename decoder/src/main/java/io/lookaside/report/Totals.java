package io.lookaside.report;

/**
 * The capture's wait in total.
 *
 * @param requests      requests sent (9P T-messages, FUSE requests)
 * @param answered      requests with a reply in the capture
 * @param errors        requests answered with an error
 * @param waitNanos     the sum of every answered request's wait (reply time − request time)
 * @param wallNanos     wall-clock wait: per requester, the union of the intervals with a request outstanding, summed
 * @param requesters    the units of blocking: 9P connections, FUSE pids
 * @param pathsKnown    requests whose path the lifecycles know (the per-path table covers these)
 */
public record Totals(long requests, long answered, long errors, long waitNanos, long wallNanos, long requesters,
                     long pathsKnown) {
}
