package io.lookaside.ninep;

/** Placeholder: type numbers to spec names (the full table replaces this). */
public final class NinePTypes {
    private NinePTypes() {
    }

    public static String name(int type) {
        return "type" + type;
    }
}
