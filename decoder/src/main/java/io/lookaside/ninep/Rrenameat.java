package io.lookaside.ninep;

/**
 * The rename is done (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2]
 * </pre>
 */
public record Rrenameat(int tag) implements NinePMessage {
    static Rrenameat read(Cursor c) {
        return new Rrenameat(c.tag());
    }
}
