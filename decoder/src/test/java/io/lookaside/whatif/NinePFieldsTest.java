package io.lookaside.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.capture.CaptureException;
import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.LoadedSamples;
import io.lookaside.ninep.NinePTypes;
import io.lookaside.ninep.Rgetattr;
import io.lookaside.ninep.Rlopen;
import io.lookaside.ninep.Tread;
import io.lookaside.ninep.Tsetattr;
import io.lookaside.session.Session;
import io.lookaside.session.SessionBuilder;
import io.lookaside.wire.Wire;
import io.lookaside.wire.Le;
import java.nio.ByteBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The fields read straight from the bytes against the decoder's records, message by message. */
class NinePFieldsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a-v9fs-busybox-cachenone.pcap.gz", "a-v9fs-gccsplit-srccachenone.pcap.gz",
        "c-diod-userspace.pcap.gz", "d-diod-any-sll-5640.pcapng.gz"})
    void fixedAcceptsExactlyWhatTheDecoderDecodesWithTheSameFields(String sample) throws CaptureException {
        Session s = LoadedSamples.load(sample).session();
        int[] seen = new int[4];
        for (int i = 0; i < s.size(); i++) {
            Object m = NinePExchanges.decode(s, i);
            ByteBuffer g = NinePFields.rgetattr(s, i);
            assertThat(g != null).as("Rgetattr at %d", i).isEqualTo(m instanceof Rgetattr);
            if (m instanceof Rgetattr r) {
                assertThat(NinePFields.qidVersion(g, Rgetattr.QID)).isEqualTo(r.qid().version());
                assertThat(Le.u64(g, Rgetattr.VALID)).isEqualTo(r.valid());
                assertThat(Le.u64(g, Rgetattr.SIZE)).isEqualTo(r.size());
                seen[0]++;
            }
            ByteBuffer o = NinePFields.rlopen(s, i);
            assertThat(o != null).as("Rlopen at %d", i).isEqualTo(m instanceof Rlopen);
            if (m instanceof Rlopen r) {
                assertThat(NinePFields.qidVersion(o, Rlopen.QID)).isEqualTo(r.qid().version());
                seen[1]++;
            }
            ByteBuffer rd = NinePFields.tread(s, i);
            assertThat(rd != null).as("Tread at %d", i).isEqualTo(m instanceof Tread);
            if (m instanceof Tread r) {
                assertThat(Le.u64(rd, Tread.OFFSET)).isEqualTo(r.offset());
                assertThat(Le.u32(rd, Tread.COUNT)).isEqualTo(r.count());
                seen[2]++;
            }
            ByteBuffer a = NinePFields.tsetattr(s, i);
            assertThat(a != null).as("Tsetattr at %d", i).isEqualTo(m instanceof Tsetattr);
            if (m instanceof Tsetattr r) {
                assertThat(Le.u32(a, Tsetattr.VALID)).isEqualTo(r.valid());
                assertThat(Le.u64(a, Tsetattr.SIZE)).isEqualTo(r.size());
                seen[3]++;
            }
        }
        assertThat(seen[0] + seen[2]).isPositive();
    }

    /** An Rgetattr whose size field or length breaks the layout is Malformed, and not read either. */
    @ParameterizedTest
    @CsvSource(textBlock = """
            # size field, bytes, decodes
            160, 160, true
            161, 161, false
            159, 160, false
            160, 161, false
            """)
    void rgetattrIsReadOnlyWhenTheDecoderDecodesIt(long sizeField, int length, boolean decodes) {
        SessionBuilder b = new SessionBuilder("fixture");
        b.connection(0, Protocol.NINEP, "10.0.2.15:41000>127.0.0.1:564");
        b.message(0, true, 1, 1_000, ByteBuffer.wrap(Wire.le().u32(15).u8(NinePTypes.TGETATTR).u16(0).u32(1)
                .u64(0x3fff).bytes()), 0);
        Wire reply = Wire.le().u32(sizeField).u8(NinePTypes.RGETATTR).u16(0).u64(0x3fff).u8(0).u32(9).u64(7);
        for (int k = 7 + 8 + 13; k < length; k++) {
            reply.u8(0);
        }
        b.message(0, false, 2, 2_000, ByteBuffer.wrap(reply.bytes()), 0);
        Session s = b.build();

        assertThat(NinePExchanges.decode(s, 1) instanceof Rgetattr).isEqualTo(decodes);
        assertThat(NinePFields.rgetattr(s, 1) != null).isEqualTo(decodes);
    }
}
