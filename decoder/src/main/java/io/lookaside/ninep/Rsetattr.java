package io.lookaside.ninep;

/**
 * The attributes are set (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2]
 * </pre>
 */
public record Rsetattr(int tag) implements NinePMessage {
    static Rsetattr read(Cursor c) {
        return new Rsetattr(c.tag());
    }
}
