package io.lookaside.app.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisplayFilterTest {
    /** A Twalk as the filter sees it: fid 3, two names, a 64-bit qid path beyond a double's precision. */
    private static final MessageFields TWALK = new MapFields(Map.of(
            "type", List.of("Twalk"),
            "fid", List.of(3L),
            "newfid", List.of(4L),
            "wnames", List.of("usr", "lib"),
            "qid.path", List.of(9007199254740993L),
            "rttNanos", List.of(163_400L),
            "conn", List.of("127.0.0.1:41000>127.0.0.1:564")));

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            type == Twalk                       ; true
            type == twalk                       ; true
            type == Rwalk                       ; false
            type != Rwalk                       ; true
            fid == 3                            ; true
            fid == 0x3                          ; true
            fid == 3.0                          ; true
            fid > 2 && fid < 4                  ; true
            fid >= 4                            ; false
            fid != 3                            ; false
            mode != 3                           ; false
            !(mode == 3)                        ; true
            wnames == lib                       ; true
            wnames == bin                       ; false
            wnames contains US                  ; true
            conn contains 564                   ; true
            conn contains :565                  ; false
            qid.path == 9007199254740993        ; true
            qid.path == 9007199254740992        ; false
            rttNanos > 100000                   ; true
            type == Rwalk || fid == 3           ; true
            type == Rwalk || fid == 4           ; false
            lib                                 ; true
            newfid                              ; true
            gcc                                 ; false
            "127.0.0.1:41000"                   ; true
            usr lib                             ; true
            usr gcc                             ; false
            """)
    void testMatchesLikeWireshark(String filter, boolean expected) throws Exception {
        assertThat(DisplayFilterParser.parse(filter).test(TWALK)).isEqualTo(expected);
    }

    /** Fields from a map of already-flattened values. */
    private record MapFields(Map<String, List<Object>> fields) implements MessageFields {
        @Override
        public List<Object> values(String field) {
            return fields.getOrDefault(field, List.of());
        }

        @Override
        public boolean has(String field) {
            return fields.containsKey(field);
        }

        @Override
        public boolean anyValueContains(String needle) {
            return fields.values().stream().flatMap(List::stream)
                    .anyMatch(v -> String.valueOf(v).toLowerCase(Locale.ROOT).contains(needle));
        }
    }
}
