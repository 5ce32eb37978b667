package io.lookaside.ninep;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DialectTest {
    @ParameterizedTest
    @CsvSource(textBlock = """
            9P2000,          P9P2000
            9P2000.u,        P9P2000_U
            9P2000.L,        P9P2000_L
            9P2000.L.google, P9P2000_L
            unknown,
            9P,
            '',
            """)
    void fromVersionPrefixes(String version, Dialect expected) {
        assertThat(Dialect.fromVersion(version)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            P9P2000,   false
            P9P2000_U, true
            P9P2000_L, true
            """)
    void unixExtensionsEverywhereButPlain9P2000(Dialect d, boolean expected) {
        assertThat(d.unixExtensions()).isEqualTo(expected);
        assertThat(Dialect.fromVersion(d.version())).isEqualTo(d);
    }
}
