package io.lookaside.ninep;

/**
 * The link is made (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2]
 * </pre>
 */
public record Rlink(int tag) implements NinePMessage {
    static Rlink read(Cursor c) {
        return new Rlink(c.tag());
    }
}
