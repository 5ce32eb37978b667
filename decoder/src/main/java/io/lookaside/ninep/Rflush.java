package io.lookaside.ninep;

/**
 * The flushed request is finished: if its own reply did not come before this one, it never happened
 * (flush(5)).
 *
 * <pre>
 * size[4] type[1] tag[2]
 * </pre>
 */
public record Rflush(int tag) implements NinePMessage {
    static Rflush read(Cursor c) {
        return new Rflush(c.tag());
    }
}
