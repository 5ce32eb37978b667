package io.lookaside.app.messages;

import java.util.regex.Pattern;

/** Writing display filters back as text (for "Apply as Filter"), so that they parse again. */
final class FilterText {
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_.:/+-]+");

    private FilterText() {
    }

    /** A value as a filter literal: bare when it is one plain word, else double-quoted. */
    static String literal(String value) {
        if (BARE.matcher(value).matches() && !isKeyword(value)) {
            return value;
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static boolean isKeyword(String w) {
        return switch (w.toLowerCase(java.util.Locale.ROOT)) {
            case "and", "or", "not", "eq", "ne", "lt", "le", "gt", "ge", "contains" -> true;
            default -> false;
        };
    }
}
