/**
 * The message list: Wireshark's packet list, packet details and bytes panes for 9P and FUSE
 * messages, with display filters over the JSON keys of {@code lookaside decode --format jsonl}.
 */
package io.lookaside.app.messages;
