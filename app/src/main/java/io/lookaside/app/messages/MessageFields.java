package io.lookaside.app.messages;

import java.util.List;

/**
 * The fields of one message as a display filter sees them. Field names are the JSON keys of
 * {@code lookaside decode --format jsonl} (the spec's names: {@code fid}, {@code wnames},
 * {@code nodeid}); a dotted name reaches into a nested object ({@code qid.path}).
 */
public interface MessageFields {

    /**
     * Every scalar value of {@code field} (each element of an array, each leaf of an object):
     * {@link Long}, {@link Double}, {@link Boolean} or {@link String}. Empty when absent.
     */
    List<Object> values(String field);

    /** True when the message has {@code field}. */
    boolean has(String field);

    /** True when any value of the message contains {@code lowerCaseNeedle}, ignoring case. */
    boolean anyValueContains(String lowerCaseNeedle);
}
