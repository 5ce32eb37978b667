package io.lookaside.capture;

/**
 * A note about the input: a gap in a TCP stream, a bound that was hit, a record that could
 * not be read. {@code frame} is the 1-based capture record it concerns, or 0 for the whole
 * input; {@code conn} is the conversation or -1.
 */
public record Diagnostic(Severity severity, long frame, int conn, String text) {

    public enum Severity { INFO, WARNING, ERROR }

    public static Diagnostic warning(long frame, int conn, String text) {
        return new Diagnostic(Severity.WARNING, frame, conn, text);
    }

    public static Diagnostic info(long frame, int conn, String text) {
        return new Diagnostic(Severity.INFO, frame, conn, text);
    }
}
