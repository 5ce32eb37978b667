package io.lookaside.app.capture;

import java.nio.file.Path;

/**
 * A capture that could not be opened, told in words for a dialog: {@code headline} names the
 * file, {@code reason} says why and what to do. Never a stack trace.
 */
public record LoadFailure(Path path, String headline, String reason) {
}
