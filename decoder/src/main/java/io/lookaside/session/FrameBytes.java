package io.lookaside.session;

import io.lookaside.capture.CaptureException;
import io.lookaside.capture.FrameFile;
import io.lookaside.capture.Protocol;
import io.lookaside.net.FrameLayer;
import io.lookaside.net.FrameLayout;
import io.lookaside.ninep.Dialect;
import io.lookaside.ninep.NinePDecoder;
import io.lookaside.wire.FieldSpan;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the bytes of a message and of its frame lie, for views that show them (the workbench's
 * detail tree and bytes pane): the fields of a 9P message ({@link NinePDecoder#layout}), the
 * layers of a captured frame ({@link FrameLayout}), and the frames themselves, read again from
 * the capture ({@link FrameFile}). The one door to those layers for readers of sessions.
 */
public final class FrameBytes {

    /** A named run of bytes: {@code length} from {@code offset}, and its text ({@code Src Port: 564}), or empty. */
    public record Span(String name, int offset, int length, String summary) {
    }

    /** One header of a frame: its name, one-line summary, where it lies, its fields. */
    public record Layer(String name, String summary, int offset, int length, List<Span> fields) {
    }

    /** One captured frame: its 1-based record number, time, bytes as captured, link type. */
    public record Frame(long frame, long tsNanos, byte[] data, int linkType) {
    }

    private FrameBytes() {
    }

    /** The fields of message {@code i} of {@code s} in {@code bytes} (the whole message); 9P only, else empty. */
    public static List<Span> layout(Session s, int i, ByteBuffer bytes) {
        if (s.connection(i).protocol() != Protocol.NINEP) {
            return List.of();
        }
        Dialect d = Dialect.fromVersion(s.dialect(i));
        return NinePDecoder.layout(bytes.slice(), d == null ? Dialect.P9P2000_L : d).stream().map(FrameBytes::span).toList();
    }

    /** The link, IP and TCP headers of a frame, outermost first. */
    public static List<Layer> layers(byte[] data, int linkType) {
        return FrameLayout.layers(data, data.length, linkType).stream().map(FrameBytes::layer).toList();
    }

    private static Span span(FieldSpan f) {
        return new Span(f.name(), f.offset(), f.length(), f.summary());
    }

    private static Layer layer(FrameLayer l) {
        return new Layer(l.name(), l.summary(), l.offset(), l.length(), l.fields().stream().map(FrameBytes::span).toList());
    }

    /** A capture file opened for reading frames again; see {@link FrameFile}. */
    public static final class Reader implements AutoCloseable {
        private final FrameFile file;

        private Reader(FrameFile file) {
            this.file = file;
        }

        public static Reader open(Path capture) throws CaptureException {
            return new Reader(FrameFile.open(capture));
        }

        /** Frame {@code frame} after up to {@code earlier} earlier payload frames of its TCP flow direction. */
        public List<Frame> frameAndEarlierOfFlow(long frame, int earlier) throws IOException {
            return file.frameAndEarlierOfFlow(frame, earlier).stream()
                    .map(f -> new Frame(f.frame(), f.tsNanos(), f.data(), f.linkType())).toList();
        }

        /** Writes the frames numbered in {@code frames} (ascending) as pcapng; returns how many. */
        public int export(long[] frames, Path out) throws IOException {
            return file.export(frames, out);
        }

        @Override
        public void close() {
            file.close();
        }
    }
}
