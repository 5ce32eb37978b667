/**
 * The capture being looked at: opening it (progress, cancel, a clear message when it cannot be
 * read) and the diagnostics the input produced.
 */
package io.lookaside.app.capture;
