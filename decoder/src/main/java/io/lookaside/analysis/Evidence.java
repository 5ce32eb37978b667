package io.lookaside.analysis;

import java.util.List;

/**
 * What a finding points at, for the user to jump to: session message indices (the workbench
 * selects them; reports print their capture frames), and the fids, FUSE nodeids and paths concerned.
 * Lists are short: rules keep the first few examples, never every message.
 */
public record Evidence(List<Integer> messages, List<Long> fids, List<Long> nodeids, List<String> paths) {
    /** How many examples of each kind a rule keeps. */
    public static final int LIMIT = 20;

    public Evidence {
        messages = List.copyOf(messages);
        fids = List.copyOf(fids);
        nodeids = List.copyOf(nodeids);
        paths = List.copyOf(paths);
    }

    public static Evidence none() {
        return new Evidence(List.of(), List.of(), List.of(), List.of());
    }

    public static Evidence messages(List<Integer> messages) {
        return new Evidence(messages, List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return messages.isEmpty() && fids.isEmpty() && nodeids.isEmpty() && paths.isEmpty();
    }
}
