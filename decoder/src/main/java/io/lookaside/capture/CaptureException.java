package io.lookaside.capture;

/**
 * The input cannot be read at all (not a capture, unreadable, unsupported link type). Its
 * message is one clear sentence for the user; the CLI prints it and exits 2.
 */
public class CaptureException extends Exception {
    private static final long serialVersionUID = 1L;

    public CaptureException(String message) {
        super(message);
    }

    public CaptureException(String message, Throwable cause) {
        super(message, cause);
    }
}
