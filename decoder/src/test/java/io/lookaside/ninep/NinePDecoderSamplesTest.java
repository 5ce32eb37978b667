package io.lookaside.ninep;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.Samples;
import io.lookaside.ninep.PcapTcpStreams.Message;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decoder on the real 9P samples, each message pulled out of its pcap by a test-only TCP
 * reader. The oracles are independent of this code: the sidecars' tshark histograms and what
 * the sidecars say the captures contain.
 */
class NinePDecoderSamplesTest {
    private static final Pattern HISTOGRAM_LINE = Pattern.compile("\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern ERRNO_LINE = Pattern.compile("\\s+(\\d+) errno (\\d+)");

    /** Decodes every message with its connection's dialect, which Tversion and Rversion set. */
    private static List<NinePMessage> decodeAll(String sample) throws IOException {
        Map<String, Dialect> dialects = new HashMap<>();
        List<NinePMessage> out = new ArrayList<>();
        for (Message m : PcapTcpStreams.read(Samples.path(sample + ".pcap.gz"))) {
            String connection = connection(m.flow());
            NinePMessage msg = NinePDecoder.decode(ByteBuffer.wrap(m.bytes()),
                    dialects.getOrDefault(connection, Dialect.P9P2000_L));
            String version = msg instanceof Tversion t ? t.version()
                    : msg instanceof Rversion r ? r.version() : null;
            Dialect d = Dialect.fromVersion(version);
            if (d != null) {
                dialects.put(connection, d);
            }
            out.add(msg);
        }
        return out;
    }

    /** Both directions of a TCP connection under one name. */
    private static String connection(String flow) {
        String[] ends = flow.split(">");
        return ends[0].compareTo(ends[1]) < 0 ? ends[0] + "|" + ends[1] : ends[1] + "|" + ends[0];
    }

    /** The lines of the sidecar section that starts with header, as key to count. */
    private static Map<String, Long> sidecar(String sample, String header, Pattern line, int key)
            throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        List<String> lines = Files.readAllLines(Samples.path(sample + ".txt"));
        int i = lines.indexOf(header) + 1;
        assertThat(i).as("sidecar section %s", header).isPositive();
        for (Matcher m; i < lines.size() && (m = line.matcher(lines.get(i))).matches(); i++) {
            counts.put(m.group(key), Long.parseLong(m.group(1)));
        }
        return counts;
    }

    private static Map<String, Long> histogram(List<NinePMessage> messages) {
        return messages.stream().collect(Collectors.groupingBy(NinePMessage::typeName, TreeMap::new,
                Collectors.counting()));
    }

    @Test
    void decodeRefusedVersionDiodAnswersDotUWithRlerror() throws IOException {
        // Sidecar: Tversion "9P2000.u" msize=131072 refused with Rlerror EIO (errno 5); NOTAG.
        assertThat(decodeAll("a-v9fs-version-9p2000.u-vs-diod")).containsExactly(
                new Tversion(NinePHeader.NOTAG, 131_072, "9P2000.u"),
                new Rlerror(NinePHeader.NOTAG, 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a-v9fs-version-9p2000.u-vs-diod",
        "a-v9fs-busybox-cacheloose-ganesha",
        "a-v9fs-busybox-cacheloose",
        "a-v9fs-busybox-cachenone",
        "a-v9fs-gccsplit-srccacheloose",
        "a-v9fs-gccsplit-srccachenone",
        "c-diod-userspace"})
    void decodeTypeHistogramMatchesTsharkEverySample(String sample) throws IOException {
        List<NinePMessage> messages = decodeAll(sample);

        assertThat(messages).filteredOn(m -> m instanceof Malformed || m instanceof Unknown).isEmpty();
        assertThat(histogram(messages)).isEqualTo(sidecar(sample,
                "tshark 9p.msgtype histogram (count code name):", HISTOGRAM_LINE, 3));
    }

    @Test
    void decodeGaneshaRerrorsCarryLinuxErrnos() throws IOException {
        // Sidecar: 454 walks fail ENOENT and 76 Txattrwalk ENODATA, all as type 107 with a
        // 4-byte Rlerror body.
        List<Rerror> errors = decodeAll("a-v9fs-busybox-cacheloose-ganesha").stream()
                .filter(Rerror.class::isInstance).map(Rerror.class::cast).toList();

        assertThat(errors).hasSize(530).allMatch(e -> e.ename() == null && e.errno() == null);
        assertThat(errors.stream().collect(Collectors.groupingBy(Rerror::ecode, Collectors.counting())))
                .containsOnly(Map.entry(2L, 454L), Map.entry(61L, 76L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-v9fs-busybox-cacheloose", "a-v9fs-busybox-cachenone", "c-diod-userspace"})
    void decodeRlerrorEcodesMatchTshark(String sample) throws IOException {
        Map<String, Long> ecodes = decodeAll(sample).stream().filter(Rlerror.class::isInstance)
                .collect(Collectors.groupingBy(m -> Long.toString(((Rlerror) m).ecode()), TreeMap::new,
                        Collectors.counting()));

        assertThat(ecodes).isEqualTo(sidecar(sample, "tshark Rlerror errno histogram (count errno):",
                ERRNO_LINE, 2));
    }
}
