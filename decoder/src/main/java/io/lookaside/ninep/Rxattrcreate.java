package io.lookaside.ninep;

/**
 * fid is now an xattr fid (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2]
 * </pre>
 */
public record Rxattrcreate(int tag) implements NinePMessage {
    static Rxattrcreate read(Cursor c) {
        return new Rxattrcreate(c.tag());
    }
}
