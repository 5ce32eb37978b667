package io.lookaside.app.messages;

/** The order of the message table: by one column, ascending or descending, ties in capture order. */
public record SortKey(MessageColumn column, boolean descending) {
}
