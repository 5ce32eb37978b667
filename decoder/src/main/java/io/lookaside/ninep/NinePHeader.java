package io.lookaside.ninep;

import io.lookaside.wire.Le;
import java.nio.ByteBuffer;

/**
 * The header every 9P message starts with, {@code size[4] type[1] tag[2]} (intro(5)), for code
 * that wants the type or tag of a raw message without decoding it. Readers take the absolute
 * index of the message's first byte; callers make sure the 7 header bytes are there.
 */
public final class NinePHeader {
    /** Offsets from the message's first byte. */
    public static final int SIZE = 0;
    public static final int TYPE = 4;
    public static final int TAG = 5;

    /** Length of the header, and so the smallest message. */
    public static final int LENGTH = 7;

    /** The tag of Tversion, which pairs with nothing (version(5)). */
    public static final int NOTAG = 0xFFFF;
    /** "No fid": the afid of an unauthenticated Tattach (attach(5)). */
    public static final long NOFID = 0xFFFF_FFFFL;

    private NinePHeader() {
    }

    /** The size field: the whole message's length in bytes, header included. */
    public static long size(ByteBuffer b, int at) {
        return Le.u32(b, at + SIZE);
    }

    public static int type(ByteBuffer b, int at) {
        return Le.u8(b, at + TYPE);
    }

    public static int tag(ByteBuffer b, int at) {
        return Le.u16(b, at + TAG);
    }
}
