package io.lookaside.ninep;

/**
 * The name is removed (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2]
 * </pre>
 */
public record Runlinkat(int tag) implements NinePMessage {
    static Runlinkat read(Cursor c) {
        return new Runlinkat(c.tag());
    }
}
