package io.lookaside.capture;

/**
 * What the user told us about an input.
 *
 * @param ninePPort a TCP port whose traffic is 9P whatever it looks like, or 0 for detection
 * @param as        the input kind to assume instead of detecting it, or null
 */
public record CaptureOptions(int ninePPort, InputKind as) {
    public static final CaptureOptions DEFAULT = new CaptureOptions(0, null);
}
