package io.lookaside.ninep;

/**
 * fid is gone (clunk(5)).
 *
 * <pre>
 * size[4] type[1] tag[2]
 * </pre>
 */
public record Rclunk(int tag) implements NinePMessage {
    static Rclunk read(Cursor c) {
        return new Rclunk(c.tag());
    }
}
