package io.lookaside.net;

import io.lookaside.wire.FieldSpan;
import java.util.List;

/**
 * One protocol layer of a captured frame, as Wireshark's detail tree shows it: a one-line
 * summary, where its header lies in the frame, and its fields.
 *
 * @param name    the layer's name ({@code Ethernet II}, {@code Internet Protocol Version 4})
 * @param summary the line the detail tree shows ({@code Src: 10.0.2.15, Dst: 10.0.2.2})
 * @param offset  the header's first byte in the frame
 * @param length  the header's length
 * @param fields  the header's fields, offsets from the frame's first byte
 */
public record FrameLayer(String name, String summary, int offset, int length, List<FieldSpan> fields) {

    public FrameLayer {
        fields = List.copyOf(fields);
    }
}
