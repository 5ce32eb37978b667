package io.lookaside.ninep;

/**
 * Removes name from directory dirfid; flags AT_REMOVEDIR 0x200 for a directory (9P2000.L).
 *
 * <pre>
 * size[4] type[1] tag[2] dirfid[4] name[s] flags[4]
 * </pre>
 */
public record Tunlinkat(int tag, long dirfid, String name, long flags) implements NinePMessage {
    /** Offsets from the message's first byte. */
    public static final int DIRFID = 7;
    public static final int NAME = 11;

    static Tunlinkat read(Cursor c) {
        return new Tunlinkat(c.tag(), c.u32(DIRFID), c.str(NAME), c.u32());
    }
}
