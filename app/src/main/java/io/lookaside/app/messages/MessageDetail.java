package io.lookaside.app.messages;

import java.util.List;

/**
 * Everything the detail and bytes panes show for one message.
 *
 * @param message  the message index in the session
 * @param title    a one-line heading: frame, type, connection
 * @param fields   the decoded fields, in the order of the JSON output
 * @param hex      the bytes pane text
 * @param peer     the other message of the exchange, or -1
 * @param exchange a sentence about the exchange ("Reply in frame 12 (Rwalk), 163.4 µs later")
 */
public record MessageDetail(int message, String title, List<DetailNode> fields, String hex, int peer, String exchange) {

    public MessageDetail {
        fields = List.copyOf(fields);
    }
}
