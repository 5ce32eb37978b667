package io.lookaside.ninep;

/**
 * The file is removed and its fid clunked (remove(5)).
 *
 * <pre>
 * size[4] type[1] tag[2]
 * </pre>
 */
public record Rremove(int tag) implements NinePMessage {
    static Rremove read(Cursor c) {
        return new Rremove(c.tag());
    }
}
