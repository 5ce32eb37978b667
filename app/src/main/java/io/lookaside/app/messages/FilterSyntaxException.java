package io.lookaside.app.messages;

/** A display filter that does not parse; the message says what was expected and where. */
public final class FilterSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int position;

    FilterSyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** 0-based character offset in the filter text. */
    public int position() {
        return position;
    }
}
