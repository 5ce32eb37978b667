package io.lookaside.app.live;

import io.lookaside.session.Session;
import java.nio.file.Path;

/**
 * A capture that ended: every message it decoded, the file it wrote (which opens again with the
 * same messages), and the summary shown at the end (messages, rate, bytes, drops, why it ended).
 */
public record Captured(Path file, Session session, String summary) {
}
