package io.lookaside.analysis;

import io.lookaside.whatif.Outcome;
import io.lookaside.whatif.Savings;

/** One model simulated at one window: what it removes and what that saves. */
public record WindowResult(long windowNanos, Outcome outcome, Savings savings) {

    /** The same result reported at another window (a model whose window does not matter). */
    WindowResult withWindow(long window) {
        return window == windowNanos ? this : new WindowResult(window, outcome, savings);
    }
}
