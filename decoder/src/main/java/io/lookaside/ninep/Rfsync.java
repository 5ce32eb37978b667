package io.lookaside.ninep;

/**
 * The file is synced (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2]
 * </pre>
 */
public record Rfsync(int tag) implements NinePMessage {
    static Rfsync read(Cursor c) {
        return new Rfsync(c.tag());
    }
}
