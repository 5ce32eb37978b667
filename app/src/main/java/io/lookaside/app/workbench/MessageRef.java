package io.lookaside.app.workbench;

import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.session.Session;
import java.util.Locale;

/**
 * A message another feature points at (a finding's evidence, a request a what-if model removes,
 * the reply that created a fid), as a list shows it: its capture frame, its type and the path it
 * concerns. Opening it selects the message in the Messages tab.
 *
 * @param message the session's message index
 * @param path    what the lifecycles know of its path, or empty
 */
public record MessageRef(int message, long frame, String type, String path) {

    /** Reads message {@code i}'s columns and path; decodes nothing. */
    public static MessageRef of(Session s, Lifecycles l, int i) {
        String p = l == null ? null : l.path(i);
        return new MessageRef(i, s.frame(i), s.typeName(i), p == null ? "" : p);
    }

    /** {@code frame 1234  Twalk  usr/include/stdio.h}. */
    public String text() {
        return String.format(Locale.ROOT, "frame %d  %s%s", frame, type, path.isEmpty() ? "" : "  " + path);
    }
}
