package io.lookaside.app.messages;

import io.lookaside.session.Session;
import io.lookaside.session.FrameBytes;
import io.lookaside.session.FrameBytes.Frame;
import io.lookaside.session.FrameBytes.Layer;
import io.lookaside.session.FrameBytes.Span;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds the frame's own layers to a message's detail, as Wireshark shows them: the frame, the
 * link, IP and TCP headers with their fields, and the message inside the TCP payload, each
 * with its bytes in the bytes pane. A message that began in earlier segments is reassembled
 * from them, and the detail lists those segments; the bytes pane then shows the frame and,
 * below it, the reassembled message.
 */
final class FrameDetail {
    private static final int MAX_HEX_BYTES = 256 * 1024;
    /** Enough of the message's first bytes to find it in a segment: size, type, tag and the start of the body. */
    private static final int HEAD = 24;

    private FrameDetail() {
    }

    /**
     * {@code d} with the layers of {@code frames} (the message's frame last, after earlier
     * segments of its flow); {@code d} marked framed, as it was, when there is no frame.
     */
    static MessageDetail enrich(MessageDetail d, Session s, int i, List<Frame> frames) {
        if (frames.isEmpty()) {
            return new MessageDetail(d.message(), d.title(), d.fields(), d.bytes(), d.peer(), d.exchange(), true);
        }
        Frame target = frames.get(frames.size() - 1);
        byte[] a = target.data();
        List<Layer> layers = FrameBytes.layers(a, target.linkType());
        List<DetailNode> nodes = new ArrayList<>();
        nodes.add(new DetailNode("Frame " + target.frame(), a.length + " bytes captured", "frame == " + target.frame(),
                List.of()).withBytes(0, 0, a.length));
        for (Layer l : layers) {
            List<DetailNode> fields = new ArrayList<>();
            for (Span f : l.fields()) {
                fields.add(new DetailNode(f.name(), f.summary(), null, List.of()).withBytes(0, f.offset(), f.length()));
            }
            nodes.add(new DetailNode(l.name(), l.summary(), null, fields).withBytes(0, l.offset(), l.length()));
        }
        int payload = layers.isEmpty() ? a.length : layers.get(layers.size() - 1).offset() + layers.get(layers.size() - 1).length();
        byte[] head = head(s, i);
        int length = s.length(i);
        int at = indexOf(a, payload, a.length, head);
        List<Span> spans = MessageText.layout(s, i);
        HexText.Builder hex = new HexText.Builder().add("Frame (" + a.length + " bytes)", a, 0, a.length, MAX_HEX_BYTES, "");
        if (at >= 0 && at + length <= a.length) {
            // The whole message lies in this frame: its fields' bytes are the frame's (data too,
            // which the session did not keep).
            spans = MessageText.layout(s, i, java.nio.ByteBuffer.wrap(a, at, length));
            List<DetailNode> fields = MessageText.withSpans(d.fields(), spans, 0, at);
            nodes.add(protocolNode(s, i, fields).withBytes(0, at, length));
            return new MessageDetail(d.message(), d.title(), nodes, hex.build(), d.peer(), d.exchange(), true);
        }
        Reassembly r = reassemble(frames, head, length, payload(a, target.linkType()));
        if (r == null) {
            nodes.add(new DetailNode("[Message not found in this frame's payload]",
                    "its bytes as the session kept them are below", null, List.of()));
            nodes.addAll(d.fields());
            return new MessageDetail(d.message(), d.title(), nodes, d.bytes(), d.peer(), d.exchange(), true);
        }
        List<DetailNode> segs = new ArrayList<>();
        StringBuilder list = new StringBuilder();
        for (int k = 0; k < r.frames.size(); k++) {
            segs.add(new DetailNode("Frame " + r.frames.get(k), "payload " + r.counts.get(k) + " bytes", "frame == " + r.frames.get(k),
                    List.of()));
            list.append(k == 0 ? "" : ", ").append('#').append(r.frames.get(k)).append('(').append(r.counts.get(k)).append(')');
        }
        int tail = r.counts.get(r.counts.size() - 1);
        nodes.add(new DetailNode("[" + r.frames.size() + " Reassembled TCP Segments (" + length + " bytes)]", list.toString(),
                null, segs).withBytes(0, payload, tail));
        hex.add("Reassembled message (" + length + " bytes)", r.bytes, 0, r.bytes.length, MAX_HEX_BYTES, "");
        List<DetailNode> fields = MessageText.withSpans(d.fields(), MessageText.layout(s, i, java.nio.ByteBuffer.wrap(r.bytes)), 1, 0);
        nodes.add(protocolNode(s, i, fields).withBytes(1, 0, length));
        return new MessageDetail(d.message(), d.title(), nodes, hex.build(), d.peer(), d.exchange(), true);
    }

    /** The message's own line, 9P or FUSE, holding its decoded fields. */
    private static DetailNode protocolNode(Session s, int i, List<DetailNode> fields) {
        String name = MessageRows.protocol(s, i);
        return new DetailNode(name.startsWith("9P") ? "9P (" + name + ")" : name, s.typeName(i) + ", " + s.length(i) + " bytes",
                null, fields);
    }

    private static byte[] head(Session s, int i) {
        java.nio.ByteBuffer b = s.bytes(i);
        byte[] h = new byte[Math.min(HEAD, Math.min(s.keptLength(i), b.remaining()))];
        b.get(b.position(), h);
        return h;
    }

    /** Where the TCP payload of a frame begins. */
    private static int payload(byte[] a, int linkType) {
        List<Layer> layers = FrameBytes.layers(a, linkType);
        return layers.isEmpty() ? a.length : layers.get(layers.size() - 1).offset() + layers.get(layers.size() - 1).length();
    }

    /** The message rebuilt from the segments it spans, or null when its start is not among them. */
    private static Reassembly reassemble(List<Frame> frames, byte[] head, int length, int targetPayload) {
        Frame target = frames.get(frames.size() - 1);
        int after = 0;
        for (int k = frames.size() - 2; k >= 0 && after < length; k--) {
            Frame f = frames.get(k);
            int p = payload(f.data(), f.linkType());
            int at = indexOf(f.data(), p, f.data().length, head);
            int here = f.data().length - p;
            if (at >= 0) {
                int first = f.data().length - at;
                int inTarget = length - first - after;
                if (inTarget <= 0 || targetPayload + inTarget > target.data().length) {
                    return null;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(length);
                List<Long> fr = new ArrayList<>();
                List<Integer> counts = new ArrayList<>();
                out.write(f.data(), at, first);
                fr.add(f.frame());
                counts.add(first);
                for (int m = k + 1; m < frames.size() - 1; m++) {
                    Frame g = frames.get(m);
                    int q = payload(g.data(), g.linkType());
                    out.write(g.data(), q, g.data().length - q);
                    fr.add(g.frame());
                    counts.add(g.data().length - q);
                }
                out.write(target.data(), targetPayload, inTarget);
                fr.add(target.frame());
                counts.add(inTarget);
                byte[] bytes = out.toByteArray();
                return bytes.length == length ? new Reassembly(bytes, fr, counts) : null;
            }
            after += here;
        }
        return null;
    }

    private record Reassembly(byte[] bytes, List<Long> frames, List<Integer> counts) {
    }

    private static int indexOf(byte[] a, int from, int to, byte[] needle) {
        if (needle.length == 0) {
            return -1;
        }
        outer:
        for (int k = from; k <= to - needle.length; k++) {
            for (int j = 0; j < needle.length; j++) {
                if (a[k + j] != needle[j]) {
                    continue outer;
                }
            }
            return k;
        }
        return -1;
    }
}
