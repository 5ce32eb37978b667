package io.lookaside.app.messages;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A parsed display filter, in the spirit of Wireshark's: {@code type == Twalk},
 * {@code fid == 3 && !(conn contains 564)}, {@code rttNanos > 1000000}, or free text.
 * A comparison holds when any value of the field satisfies it; a missing field satisfies no
 * comparison (so {@code fid != 3} keeps only messages that have a fid). Strings compare
 * ignoring case; a literal that reads as a number compares numerically with numeric fields.
 * A bare word or quoted string holds when the message has a field of that name or any value
 * containing it. Parse with {@link DisplayFilterParser}.
 */
public sealed interface DisplayFilter {

    boolean test(MessageFields m);

    /** Comparison operators; {@code contains} is a case-insensitive substring test. */
    enum Op {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), CONTAINS("contains");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    record And(DisplayFilter left, DisplayFilter right) implements DisplayFilter {
        @Override
        public boolean test(MessageFields m) {
            return left.test(m) && right.test(m);
        }
    }

    record Or(DisplayFilter left, DisplayFilter right) implements DisplayFilter {
        @Override
        public boolean test(MessageFields m) {
            return left.test(m) || right.test(m);
        }
    }

    record Not(DisplayFilter inner) implements DisplayFilter {
        @Override
        public boolean test(MessageFields m) {
            return !inner.test(m);
        }
    }

    /** Free text: a field of that name exists, or some value contains the text. */
    record Text(String text) implements DisplayFilter {
        @Override
        public boolean test(MessageFields m) {
            return m.has(text) || m.anyValueContains(text.toLowerCase(Locale.ROOT));
        }
    }

    record Compare(String field, Op op, Literal literal) implements DisplayFilter {
        @Override
        public boolean test(MessageFields m) {
            List<Object> values = m.values(field);
            for (Object v : values) {
                if (literal.matches(v, op)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * A literal with its numeric readings, if it has them ({@code 42}, {@code 0x2a}, {@code 1.5}).
     * Integers compare exactly (a 64-bit qid.path does not survive a double).
     */
    record Literal(String text, Long integer, Double number) {
        private static final Pattern DECIMAL = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

        static Literal of(String text) {
            Long integer = parseInteger(text);
            return new Literal(text, integer, integer != null ? Double.valueOf(integer) : parseDouble(text));
        }

        boolean matches(Object value, Op op) {
            return switch (op) {
                case CONTAINS -> String.valueOf(value).toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
                case EQ -> compareTo(value) == 0;
                case NE -> compareTo(value) != 0;
                case LT -> compareTo(value) < 0;
                case LE -> compareTo(value) <= 0;
                case GT -> compareTo(value) > 0;
                case GE -> compareTo(value) >= 0;
            };
        }

        /** The value compared with this literal: numerically when both are numbers, else as text. */
        private int compareTo(Object value) {
            if (value instanceof Long l && integer != null) {
                return Long.compare(l, integer);
            }
            if (value instanceof Number n && number != null) {
                return Double.compare(n.doubleValue(), number);
            }
            return String.valueOf(value).compareToIgnoreCase(text);
        }

        private static Long parseInteger(String s) {
            try {
                if (s.length() > 2 && (s.startsWith("0x") || s.startsWith("0X"))) {
                    return Long.parseUnsignedLong(s.substring(2), 16);
                }
                return Long.valueOf(s);
            } catch (NumberFormatException e) {
                // Not an integer: maybe a decimal, else text.
                return null;
            }
        }

        private static Double parseDouble(String s) {
            return DECIMAL.matcher(s).matches() ? Double.valueOf(s) : null;
        }
    }
}
