package io.lookaside.ninep;

/**
 * The changes of Twstat were all made (stat(5)).
 *
 * <pre>
 * size[4] type[1] tag[2]
 * </pre>
 */
public record Rwstat(int tag) implements NinePMessage {
    static Rwstat read(Cursor c) {
        return new Rwstat(c.tag());
    }
}
