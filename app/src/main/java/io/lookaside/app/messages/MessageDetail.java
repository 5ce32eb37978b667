package io.lookaside.app.messages;

import java.util.List;

/**
 * Everything the detail and bytes panes show for one message.
 *
 * @param message  the message index in the session
 * @param title    a one-line heading: frame, type, connection
 * @param fields   the frame's layers (once read from the capture), then the decoded fields in the order of the JSON output
 * @param bytes    the bytes pane: the message's bytes, or the frame's and a reassembled message's
 * @param peer     the other message of the exchange, or -1
 * @param exchange a sentence about the exchange ("Reply in frame 12 (Rwalk), 163.4 µs later")
 * @param framed   true once the frame's own bytes and layers were read (or could not be)
 */
public record MessageDetail(int message, String title, List<DetailNode> fields, HexText bytes, int peer, String exchange,
                            boolean framed) {

    public MessageDetail {
        fields = List.copyOf(fields);
    }

    /** The bytes pane's text. */
    public String hex() {
        return bytes.text();
    }
}
