package io.lookaside.app.messages;

import io.lookaside.app.messages.DisplayFilter.And;
import io.lookaside.app.messages.DisplayFilter.Compare;
import io.lookaside.app.messages.DisplayFilter.Literal;
import io.lookaside.app.messages.DisplayFilter.Not;
import io.lookaside.app.messages.DisplayFilter.Op;
import io.lookaside.app.messages.DisplayFilter.Or;
import io.lookaside.app.messages.DisplayFilter.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses display filters. Grammar (operators as in Wireshark, also spelled as words):
 * <pre>
 *   filter  := or
 *   or      := and (("||" | "or") and)*
 *   and     := unary (("&amp;&amp;" | "and")? unary)*      adjacent terms are and-ed: free text "usr lib"
 *   unary   := ("!" | "not") unary | primary
 *   primary := "(" or ")" | WORD op value | WORD | STRING
 *   op      := "==" | "=" | "eq" | "!=" | "ne" | "&lt;" | "lt" | "&lt;=" | "le" | "&gt;" | "gt" | "&gt;=" | "ge" | "contains"
 *   value   := WORD | STRING
 * </pre>
 * A WORD is a run of characters other than blanks, quotes, parentheses and {@code = ! < > & |};
 * a STRING is double-quoted with backslash escapes.
 */
public final class DisplayFilterParser {
    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final Map<String, Op> WORD_OPS = Map.of(
            "eq", Op.EQ, "ne", Op.NE, "lt", Op.LT, "le", Op.LE, "gt", Op.GT, "ge", Op.GE, "contains", Op.CONTAINS);

    private enum Kind { LPAREN, RPAREN, AND, OR, NOT, OP, WORD, STRING, END }

    private record Token(Kind kind, String text, Op op, int at) {
    }

    private final List<Token> tokens;
    private int next;

    private DisplayFilterParser(String input) throws FilterSyntaxException {
        this.tokens = tokenize(input);
    }

    /** The filter, or null for a blank text (everything is displayed). */
    public static DisplayFilter parse(String text) throws FilterSyntaxException {
        if (text == null || text.isBlank()) {
            return null;
        }
        DisplayFilterParser p = new DisplayFilterParser(text);
        DisplayFilter f = p.or();
        Token t = p.peek();
        if (t.kind != Kind.END) {
            throw new FilterSyntaxException("unexpected " + p.describe(t), t.at);
        }
        return f;
    }

    private DisplayFilter or() throws FilterSyntaxException {
        DisplayFilter f = and();
        while (peek().kind == Kind.OR) {
            next++;
            f = new Or(f, and());
        }
        return f;
    }

    private DisplayFilter and() throws FilterSyntaxException {
        DisplayFilter f = unary();
        while (true) {
            Kind k = peek().kind;
            if (k == Kind.AND) {
                next++;
            } else if (k != Kind.NOT && k != Kind.LPAREN && k != Kind.WORD && k != Kind.STRING) {
                return f;
            }
            f = new And(f, unary());
        }
    }

    private DisplayFilter unary() throws FilterSyntaxException {
        if (peek().kind == Kind.NOT) {
            next++;
            return new Not(unary());
        }
        return primary();
    }

    private DisplayFilter primary() throws FilterSyntaxException {
        Token t = tokens.get(next++);
        switch (t.kind) {
            case LPAREN -> {
                DisplayFilter f = or();
                Token close = tokens.get(next++);
                if (close.kind != Kind.RPAREN) {
                    throw new FilterSyntaxException("expected ')' to close the '(' at column " + (t.at + 1)
                            + ", found " + describe(close), close.at);
                }
                return f;
            }
            case STRING -> {
                return new Text(t.text);
            }
            case WORD -> {
                if (peek().kind != Kind.OP) {
                    return new Text(t.text);
                }
                Token op = tokens.get(next++);
                if (!FIELD.matcher(t.text).matches()) {
                    throw new FilterSyntaxException("'" + t.text + "' is not a field name", t.at);
                }
                Token value = tokens.get(next++);
                if (value.kind != Kind.WORD && value.kind != Kind.STRING) {
                    throw new FilterSyntaxException("expected a value after '" + op.text + "', found "
                            + describe(value), value.at);
                }
                return new Compare(t.text, op.op, Literal.of(value.text));
            }
            default -> throw new FilterSyntaxException("expected a field, a value or '(', found " + describe(t), t.at);
        }
    }

    private Token peek() {
        return tokens.get(next);
    }

    private String describe(Token t) {
        return t.kind == Kind.END ? "the end of the filter" : "'" + t.text + "' at column " + (t.at + 1);
    }

    private static List<Token> tokenize(String s) throws FilterSyntaxException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int at = i;
            String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
            switch (two) {
                case "==" -> out.add(new Token(Kind.OP, two, Op.EQ, at));
                case "!=" -> out.add(new Token(Kind.OP, two, Op.NE, at));
                case "<=" -> out.add(new Token(Kind.OP, two, Op.LE, at));
                case ">=" -> out.add(new Token(Kind.OP, two, Op.GE, at));
                case "&&" -> out.add(new Token(Kind.AND, two, null, at));
                case "||" -> out.add(new Token(Kind.OR, two, null, at));
                default -> two = "";
            }
            if (!two.isEmpty()) {
                i += 2;
                continue;
            }
            switch (c) {
                case '(' -> out.add(new Token(Kind.LPAREN, "(", null, at));
                case ')' -> out.add(new Token(Kind.RPAREN, ")", null, at));
                case '!' -> out.add(new Token(Kind.NOT, "!", null, at));
                case '=' -> out.add(new Token(Kind.OP, "=", Op.EQ, at));
                case '<' -> out.add(new Token(Kind.OP, "<", Op.LT, at));
                case '>' -> out.add(new Token(Kind.OP, ">", Op.GT, at));
                case '&', '|' -> throw new FilterSyntaxException("'" + c + "' alone is not an operator; use '"
                        + c + c + "'", at);
                case '"' -> {
                    StringBuilder b = new StringBuilder();
                    i++;
                    while (i < s.length() && s.charAt(i) != '"') {
                        if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                            i++;
                        }
                        b.append(s.charAt(i++));
                    }
                    if (i >= s.length()) {
                        throw new FilterSyntaxException("the string at column " + (at + 1) + " has no closing quote", at);
                    }
                    out.add(new Token(Kind.STRING, b.toString(), null, at));
                }
                default -> {
                    int end = i;
                    while (end < s.length() && isWordChar(s.charAt(end))) {
                        end++;
                    }
                    String w = s.substring(i, end);
                    out.add(word(w, at));
                    i = end;
                    continue;
                }
            }
            i++;
        }
        out.add(new Token(Kind.END, "", null, s.length()));
        return out;
    }

    private static Token word(String w, int at) {
        String lower = w.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "and" -> new Token(Kind.AND, w, null, at);
            case "or" -> new Token(Kind.OR, w, null, at);
            case "not" -> new Token(Kind.NOT, w, null, at);
            default -> WORD_OPS.containsKey(lower)
                    ? new Token(Kind.OP, w, WORD_OPS.get(lower), at)
                    : new Token(Kind.WORD, w, null, at);
        };
    }

    private static boolean isWordChar(char c) {
        return !Character.isWhitespace(c) && "()\"=!<>&|".indexOf(c) < 0;
    }
}
