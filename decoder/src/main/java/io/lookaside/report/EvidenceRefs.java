package io.lookaside.report;

import java.util.List;

/**
 * What to jump to: capture frames (as Wireshark numbers them) and the session's message indices
 * of the same messages, with the fids, FUSE nodeids and paths concerned.
 */
public record EvidenceRefs(List<Long> frames, List<Integer> messages, List<Long> fids, List<Long> nodeids,
                           List<String> paths) {
    public EvidenceRefs {
        frames = List.copyOf(frames);
        messages = List.copyOf(messages);
        fids = List.copyOf(fids);
        nodeids = List.copyOf(nodeids);
        paths = List.copyOf(paths);
    }
}
