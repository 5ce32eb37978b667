package io.lookaside.ninep;

/** A message whose type number the dialect does not define. */
public record Unknown(int type, int tag, long length) implements NinePMessage {
}
