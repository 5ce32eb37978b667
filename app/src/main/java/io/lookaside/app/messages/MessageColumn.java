package io.lookaside.app.messages;

import io.lookaside.app.messages.MessagesViewModel.Column;
import java.util.Locale;
import java.util.Objects;

/**
 * A column of the message table: one of the built-in {@link Column}s, or a custom column that
 * shows a decoded field (Wireshark's Apply as Column), named by its display filter key
 * ({@code fid}, {@code ecode}, {@code qid.path}).
 *
 * @param builtIn the built-in column, or null for a custom one
 * @param field   the field a custom column shows, or null
 */
public record MessageColumn(Column builtIn, String field) {

    public MessageColumn {
        if ((builtIn == null) == (field == null || field.isBlank())) {
            throw new IllegalArgumentException("a column is either built in or shows a field");
        }
    }

    public static MessageColumn of(Column c) {
        return new MessageColumn(Objects.requireNonNull(c), null);
    }

    public static MessageColumn field(String field) {
        return new MessageColumn(null, field.strip());
    }

    public boolean isCustom() {
        return builtIn == null;
    }

    /** A node id for the table column ({@code column-rtt}, {@code column-field-qid.path}). */
    public String id() {
        return builtIn != null ? "column-" + builtIn.name().toLowerCase(Locale.ROOT) : "column-field-" + field;
    }

    public String title() {
        return builtIn != null ? builtIn.title() : field;
    }

    /** True when the column's text is a number, right-aligned and compared as one. */
    public boolean numeric() {
        return builtIn == null || switch (builtIn) {
            case FRAME, TIME, LENGTH, KEY, RTT -> true;
            default -> false;
        };
    }
}
