package io.lookaside.ninep;

import static io.lookaside.ninep.NinePFixtures.FID;
import static io.lookaside.ninep.NinePFixtures.NEWFID;
import static io.lookaside.ninep.NinePFixtures.QID;
import static io.lookaside.ninep.NinePFixtures.TAG;
import static io.lookaside.ninep.NinePFixtures.message;
import static io.lookaside.ninep.NinePFixtures.qid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.lookaside.ninep.NinePFixtures.Fixture;
import io.lookaside.wire.Le;
import io.lookaside.wire.Wire;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NinePDecoderTest {
    private static final Dialect L = Dialect.P9P2000_L;
    private static final Dialect U = Dialect.P9P2000_U;
    private static final Dialect P = Dialect.P9P2000;

    static List<Fixture> fixtures() {
        return NinePFixtures.all();
    }

    private static NinePMessage decode(int type, Wire body, Dialect d) {
        return NinePDecoder.decode(message(type, body), d);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void decodeReturnsTheRecordEveryMessageType(Fixture f) {
        assertThat(NinePDecoder.decode(f.buffer(), f.dialect())).isEqualTo(f.expected());
    }

    @Test
    void fixturesCoverEveryRecordType() {
        Set<Class<?>> covered = fixtures().stream().map(f -> f.expected().getClass())
                .collect(Collectors.toSet());
        Set<Class<?>> records = Arrays.stream(NinePMessage.class.getPermittedSubclasses())
                .filter(c -> c != Malformed.class && c != Unknown.class && c != HeaderOnly.class)
                .collect(Collectors.toSet()); // HeaderOnly comes from decodeHeader, below

        assertThat(covered).isEqualTo(records).hasSize(66);
    }

    @Test
    void decodeHeaderKeepsTheHeaderAndSaysTheBodyIsMissing() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(7).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 148).put(4, (byte) NinePTypes.RREADDIR).putShort(5, (short) 3);
        assertThat(NinePDecoder.decodeHeader(b, 0, 7, false))
                .isEqualTo(new HeaderOnly(NinePTypes.RREADDIR, 3, 148, false, java.util.List.of("body")));
        assertThat(NinePDecoder.decodeHeader(b, 0, 7, false).typeName()).isEqualTo("Rreaddir");
        assertThat(NinePDecoder.decodeHeader(b, 0, 5, true)).isInstanceOf(Malformed.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void decodeTypeNameIsTheSpecNameOfTheTypeByte(Fixture f) {
        int type = f.bytes()[4] & 0xFF;

        assertThat(NinePDecoder.decode(f.buffer(), f.dialect()).typeName()).isEqualTo(NinePTypes.name(type));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void decodeLinuxMessagesEveryDialect(Dialect d) {
        // The .L numbers are free in 9P2000: diod answers a 9P2000.u Tversion with Rlerror.
        assertThat(decode(NinePTypes.RLERROR, Wire.le().u32(5), d)).isEqualTo(new Rlerror(TAG, 5));
        assertThat(decode(NinePTypes.TGETATTR, Wire.le().u32(FID).u64(0x7FF), d))
                .isEqualTo(new Tgetattr(TAG, FID, 0x7FF));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            P9P2000,   Tattach in 9P2000 has no n_uname
            P9P2000_U, n_uname
            P9P2000_L, n_uname
            """)
    void decodeTattachNunameByDialect(Dialect d, String note) {
        Wire body = Wire.le().u32(FID).u32(NinePHeader.NOFID).str("u").str("a");
        if (d.unixExtensions()) {
            body.u32(1000);
        }

        assertThat(decode(NinePTypes.TATTACH, body, d)).as(note)
                .isEqualTo(new Tattach(TAG, FID, NinePHeader.NOFID, "u", "a",
                        d.unixExtensions() ? 1000L : null));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void decodeTattachOtherDialectsFormMalformed(Dialect d) {
        // A 9P2000 Tattach read as .u lacks n_uname; a .u one read as 9P2000 has 4 bytes too many.
        Wire body = Wire.le().u32(FID).u32(NinePHeader.NOFID).str("u").str("a");
        if (!d.unixExtensions()) {
            body.u32(1000);
        }

        assertThat(decode(NinePTypes.TATTACH, body, d)).isInstanceOf(Malformed.class)
                .extracting(m -> ((Malformed) m).offset()).isEqualTo(7 + 8 + 3 + 3);
    }

    @Test
    void decodeRerrorGaneshaQuirkDotLFourByteBody() {
        NinePMessage m = NinePDecoder.decode(message(NinePTypes.RERROR, Wire.le().u32(2)), L);

        assertThat(m).isEqualTo(new Rerror(TAG, null, null, 2L));
        assertThat(m.typeName()).isEqualTo("Rerror");
    }

    @Test
    void decodeRerrorFourByteBodyIsAStringIn9P2000() {
        // len 2 + "ab": a valid 9P2000 ename; the quirk is .L only.
        assertThat(decode(NinePTypes.RERROR, Wire.le().u16(2).u8('a').u8('b'), P))
                .isEqualTo(new Rerror(TAG, "ab", null, null));
    }

    @Test
    void decodeRerrorFourByteBodyMalformedInDotU() {
        // .u needs errno[4] after ename[s]: 02 00 00 00 leaves no room for it.
        assertThat(decode(NinePTypes.RERROR, Wire.le().u32(2), U))
                .isEqualTo(new Malformed(NinePTypes.RERROR, TAG,
                        "4-byte field at offset 11 runs past the end of the 11-byte message", 11));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 16})
    void decodeTwalkUpToMaxwelemNames(int n) {
        List<String> names = IntStream.range(0, n).mapToObj(i -> "d" + i).toList();
        Wire body = Wire.le().u32(FID).u32(NEWFID).u16(n);
        names.forEach(body::str);

        assertThat(decode(NinePTypes.TWALK, body, L)).isEqualTo(new Twalk(TAG, FID, NEWFID, names));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 16})
    void decodeRwalkUpToMaxwelemQids(int n) {
        Wire body = Wire.le().u16(n);
        for (int i = 0; i < n; i++) {
            body.raw(qid(QID));
        }

        assertThat(decode(NinePTypes.RWALK, body, L))
                .isEqualTo(new Rwalk(TAG, Collections.nCopies(n, QID)));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            65536
            70000
            131072
            """)
    void decodeCountsAbove64KiBExact(int count) {
        byte[] data = new byte[count];

        assertThat(decode(NinePTypes.TWRITE, Wire.le().u32(FID).u64(0).u32(count).raw(data), L))
                .isEqualTo(new Twrite(TAG, FID, 0, count, Twrite.DATA));
        assertThat(decode(NinePTypes.RREAD, Wire.le().u32(count).raw(data), L))
                .isEqualTo(new Rread(TAG, count, Rread.DATA));
    }

    @Test
    void decodeRreaddirNoEntriesEndOfDirectory() {
        assertThat(decode(NinePTypes.RREADDIR, Wire.le().u32(0), L)).isEqualTo(new Rreaddir(TAG, 0, List.of()));
    }

    @Test
    void decodeReadsFromPositionLeavingBufferUnchanged() {
        byte[] msg = NinePFixtures.bytes(NinePTypes.TCLUNK, TAG, Wire.le().u32(FID));
        ByteBuffer b = ByteBuffer.wrap(Wire.le().u32(0xDEADBEEFL).raw(msg).u32(0xDEADBEEFL).bytes());
        b.position(4).limit(4 + msg.length);

        assertThat(NinePDecoder.decode(b, L)).isEqualTo(new Tclunk(TAG, FID));
        assertThat(b.position()).isEqualTo(4);
        assertThat(b.limit()).isEqualTo(4 + msg.length);
    }

    @Test
    void decodeMalformedOffsetFromMessageStartAtNonzeroPosition() {
        byte[] msg = NinePFixtures.bytes(NinePTypes.TCLUNK, TAG, Wire.le().u16(1));
        ByteBuffer b = ByteBuffer.wrap(Wire.le().zeros(100).raw(msg).bytes());
        b.position(100);

        assertThat(NinePDecoder.decode(b, L)).isEqualTo(new Malformed(NinePTypes.TCLUNK, TAG,
                "4-byte field at offset 7 runs past the end of the 9-byte message", 7));
    }

    @Test
    void offsetConstantsPointAtTheirFields() {
        ByteBuffer walk = message(NinePTypes.TWALK, Wire.le().u32(FID).u32(NEWFID).u16(1).str("x"));
        ByteBuffer rwalk = message(NinePTypes.RWALK, Wire.le().u16(1).raw(qid(QID)));
        ByteBuffer write = message(NinePTypes.TWRITE, Wire.le().u32(FID).u64(9).u32(1).u8(0x7E));
        ByteBuffer stat = message(NinePTypes.TWSTAT, Wire.le().u32(FID).u16(2).u16(0x3344));

        assertThat(NinePHeader.tag(walk, 0)).isEqualTo(TAG);
        assertThat(NinePHeader.type(walk, 0)).isEqualTo(NinePTypes.TWALK);
        assertThat(NinePHeader.size(walk, 0)).isEqualTo(walk.limit());
        assertThat(Le.u32(walk, Twalk.NEWFID)).isEqualTo(NEWFID);
        assertThat(Le.u16(walk, Twalk.WNAMES)).isEqualTo(1);
        assertThat(Le.u8(walk, Twalk.WNAMES + 2)).isEqualTo('x');
        assertThat(Le.u64(rwalk, Rwalk.QIDS + 5)).isEqualTo(QID.path());
        assertThat(Le.u8(write, Twrite.DATA)).isEqualTo(0x7E);
        assertThat(Le.u16(stat, Twstat.STAT)).isEqualTo(0x3344);
    }

    // --- malformed input ---

    @ParameterizedTest
    @CsvSource(textBlock = """
            0, -1
            1, -1
            4, -1
            5, 110
            6, 110
            """)
    void decodeShortHeaderMalformed(int length, int type) {
        byte[] header = Wire.le().u32(length).u8(110).u16(TAG).bytes();
        ByteBuffer b = ByteBuffer.wrap(Arrays.copyOf(header, length));

        assertThat(NinePDecoder.decode(b, L)).isEqualTo(new Malformed(type, -1,
                "message has " + length + " bytes, fewer than the 7 of size[4] type[1] tag[2]", 0));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            10
            12
            4294967295
            0
            """)
    void decodeSizeMismatchMalformed(long size) {
        ByteBuffer b = Wire.le().u32(size).u8(NinePTypes.TCLUNK).u16(TAG).u32(FID).buffer();

        assertThat(NinePDecoder.decode(b, L)).isEqualTo(new Malformed(NinePTypes.TCLUNK, TAG,
                "size field says " + size + ", message has 11 bytes", 0));
    }

    @Test
    void decodeStringRunningOffTheEndMalformed() {
        Wire body = Wire.le().u32(FID).u32(NEWFID).u16(1).u16(100).raw(new byte[] {'a', 'b', 'c'});

        assertThat(decode(NinePTypes.TWALK, body, L)).isEqualTo(new Malformed(NinePTypes.TWALK, TAG,
                "string at offset 17 says 100 bytes, 3 left", 17));
    }

    @Test
    void decodeNwname17Malformed() {
        Wire body = Wire.le().u32(FID).u32(NEWFID).u16(17);
        for (int i = 0; i < 17; i++) {
            body.str("d");
        }

        assertThat(decode(NinePTypes.TWALK, body, L)).isEqualTo(new Malformed(NinePTypes.TWALK, TAG,
                "nwname 17 exceeds MAXWELEM 16 (walk(5))", Twalk.NWNAME));
    }

    @Test
    void decodeNwqid17Malformed() {
        Wire body = Wire.le().u16(17);
        for (int i = 0; i < 17; i++) {
            body.raw(qid(QID));
        }

        assertThat(decode(NinePTypes.RWALK, body, L)).isEqualTo(new Malformed(NinePTypes.RWALK, TAG,
                "nwqid 17 exceeds MAXWELEM 16 (walk(5))", Rwalk.NWQID));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            4294967295, 3
            2147483648, 0
            6,          5
            """)
    void decodeCountBeyondDataMalformed(long count, int dataBytes) {
        Wire data = Wire.le().zeros(dataBytes);

        assertThat(decode(NinePTypes.RREAD, Wire.le().u32(count).raw(data), L)).isEqualTo(
                new Malformed(NinePTypes.RREAD, TAG, "count " + count + " exceeds the " + dataBytes
                        + " bytes left", Rread.COUNT));
        assertThat(decode(NinePTypes.TWRITE, Wire.le().u32(FID).u64(0).u32(count).raw(data), L)).isEqualTo(
                new Malformed(NinePTypes.TWRITE, TAG, "count " + count + " exceeds the " + dataBytes
                        + " bytes left", Twrite.COUNT));
    }

    @Test
    void decodeCountShortOfDataMalformed() {
        assertThat(decode(NinePTypes.RREAD, Wire.le().u32(2).zeros(5), L)).isEqualTo(
                new Malformed(NinePTypes.RREAD, TAG, "3 bytes follow the last field of Rread", 13));
    }

    @Test
    void decodeTrailingBytesMalformed() {
        assertThat(decode(NinePTypes.TCLUNK, Wire.le().u32(FID).u8(0), L)).isEqualTo(
                new Malformed(NinePTypes.TCLUNK, TAG, "1 bytes follow the last field of Tclunk", 11));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            106, Terror is never valid: errors are replies (intro(5))
            6,   Tlerror is never valid: errors are replies (Linux 9p.h)
            """)
    void decodeErrorRequestsMalformed(int type, String reason) {
        NinePMessage m = decode(type, Wire.le().str("x"), L);

        assertThat(m).isEqualTo(new Malformed(type, TAG, reason, NinePHeader.TYPE));
        assertThat(m.typeName()).isEqualTo(NinePTypes.name(type));
    }

    @Test
    void decodeStatLengthsDisagreeMalformed() {
        Wire stat = NinePFixtures.stat(false);

        assertThat(decode(NinePTypes.RSTAT, Wire.le().u16(stat.length() + 1).raw(stat), P)).isEqualTo(
                new Malformed(NinePTypes.RSTAT, TAG, "n 64 disagrees with the stat's size 61 + 2", Rstat.N));
    }

    @Test
    void decodeStatSizePastTheEndMalformed() {
        Wire body = Wire.le().u16(200).u16(198).zeros(10);

        assertThat(decode(NinePTypes.RSTAT, body, P)).isEqualTo(new Malformed(NinePTypes.RSTAT, TAG,
                "stat size 198 runs past the end of the message", Rstat.STAT));
    }

    @Test
    void decodePlainStatInDotUMalformed() {
        // A 9P2000 stat has no .u tail: reading one runs into the end of the stat.
        Wire stat = NinePFixtures.stat(false);

        assertThat(decode(NinePTypes.RSTAT, Wire.le().u16(stat.length()).raw(stat), U))
                .isInstanceOf(Malformed.class);
    }

    @Test
    void decodeDotUStatIn9P2000Malformed() {
        // The stat starts after size[4] type[1] tag[2] n[2], at 9: 2 + 61 bytes of 9P2000 fields
        // end at 72, while its size of 78 says 9 + 2 + 78.
        Wire stat = NinePFixtures.stat(true);

        assertThat(decode(NinePTypes.RSTAT, Wire.le().u16(stat.length()).raw(stat), P)).isEqualTo(
                new Malformed(NinePTypes.RSTAT, TAG, "stat fields end at offset 72 but its size says 89",
                        Rstat.STAT));
    }

    @Test
    void decodeDirentPastTheDataMalformed() {
        // count says 24 bytes, but the entry's 2-byte name takes it to 26.
        Wire body = Wire.le().u32(24).raw(qid(QID)).u64(1).u8(8).str("ab");

        assertThat(decode(NinePTypes.RREADDIR, body, L)).isEqualTo(new Malformed(NinePTypes.RREADDIR, TAG,
                "directory entry at offset 11 runs past the end of the 24 bytes of data", Rreaddir.DATA));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            0
            10
            11
            28
            99
            128
            255
            """)
    void decodeUndefinedTypeUnknown(int type) {
        NinePMessage m = decode(type, Wire.le().zeros(3), L);

        assertThat(m).isEqualTo(new Unknown(type, TAG, 10));
        assertThat(m.typeName()).isEqualTo("type" + type);
    }

    // --- totality: a capture is untrusted input ---

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void decodeNeverThrowsTruncated(Fixture f) {
        for (int cut = 0; cut < f.bytes().length; cut++) {
            byte[] kept = Arrays.copyOf(f.bytes(), cut);
            byte[] resized = kept.clone();
            if (cut >= 4) {
                ByteBuffer.wrap(resized).order(ByteOrder.LITTLE_ENDIAN).putInt(0, cut);
            }

            assertDecodesToMalformedOrRecord(kept, f.dialect());
            assertDecodesToMalformedOrRecord(resized, f.dialect());
            assertThat(NinePDecoder.decode(ByteBuffer.wrap(kept), f.dialect()))
                    .as("cut at %d", cut).isInstanceOf(Malformed.class);
            // Resized, a cut may still be a valid message (a .L Rerror cut to 4 bytes is
            // Ganesha's form), but never the whole one.
            assertThat(NinePDecoder.decode(ByteBuffer.wrap(resized), f.dialect()))
                    .as("cut at %d", cut).isNotEqualTo(f.expected());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void decodeNeverThrowsMutated(Fixture f) {
        Random random = new Random(f.toString().hashCode());
        for (int round = 0; round < 300; round++) {
            byte[] mutated = f.bytes().clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            for (Dialect d : Dialect.values()) {
                assertDecodesToMalformedOrRecord(mutated, d);
            }
        }
    }

    private static void assertDecodesToMalformedOrRecord(byte[] bytes, Dialect d) {
        assertThatCode(() -> NinePDecoder.decode(ByteBuffer.wrap(bytes), d)).doesNotThrowAnyException();
        NinePMessage m = NinePDecoder.decode(ByteBuffer.wrap(bytes), d);
        if (m instanceof Malformed bad) {
            assertThat(bad.offset()).isBetween(0, bytes.length);
            assertThat(bad.reason()).isNotBlank();
        }
    }
}
