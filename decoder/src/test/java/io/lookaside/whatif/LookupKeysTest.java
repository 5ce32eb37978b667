package io.lookaside.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.Samples;
import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.lifecycle.Dentries;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.lifecycle.Lookup;
import io.lookaside.session.Session;
import io.lookaside.session.SessionLoader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lifecycles' dentry-cache key ids ({@link Dentries#key}) and the models' entries keyed
 * through them ({@link NinePKeys#entry(Dentries, int)}) agree with the record keys on real
 * captures: two lookups share a key id exactly when (connection, directory, name) are equal, and
 * the entry found through the key id is {@link NinePKeys#entry(Lookup)} of every lookup.
 */
class LookupKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {"a-v9fs-busybox-cachenone.pcap.gz", "c-diod-userspace.pcap.gz",
        "a-v9fs-busybox-cacheloose.pcap.gz", "a-v9fs-gccsplit-srccachenone.pcap.gz"})
    void keyIdsAreEqualExactlyWhenTheLookupKeysAreEqual(String sample) throws CaptureException {
        Session s = SessionLoader.load(Samples.path(sample), CaptureOptions.DEFAULT, LoadMonitor.NONE);
        Dentries d = Lifecycles.of(s).dentries();
        NinePKeys viaIds = new NinePKeys(s);
        NinePKeys perLookup = new NinePKeys(s);
        Map<Integer, List<Object>> keyOfId = new HashMap<>();
        Map<List<Object>, Integer> idOfKey = new HashMap<>();
        for (int k = 0; k < d.all().size(); k++) {
            Lookup x = d.get(k);
            List<Object> key = List.of(x.conn(), x.dirQidKnown(), x.dirQidKnown() ? x.dirQidPath() : x.dir(), x.name());
            assertThat(keyOfId.computeIfAbsent(d.key(k), id -> key)).as("key of id %d", d.key(k)).isEqualTo(key);
            int id = d.key(k);
            assertThat(idOfKey.computeIfAbsent(key, kk -> id)).as("id of %s", key).isEqualTo(id);
            assertThat(viaIds.entry(d, k)).as("entry of lookup %d", k).isEqualTo(perLookup.entry(x));
        }
        assertThat(keyOfId).hasSize(d.keys());
        assertThat(d.all().size()).isGreaterThan(keyOfId.size()).isGreaterThan(30);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-v9fs-busybox-cachenone.pcap.gz", "c-diod-userspace.pcap.gz"})
    void firstAndCountAreTheLookupsOfEveryMessage(String sample) throws CaptureException {
        Session s = SessionLoader.load(Samples.path(sample), CaptureOptions.DEFAULT, LoadMonitor.NONE);
        Dentries d = Lifecycles.of(s).dentries();
        int walks = 0;
        for (int i = 0; i < s.size(); i++) {
            List<Lookup> at = d.at(i);
            assertThat(d.count(i)).isEqualTo(at.size());
            for (int k = 0; k < at.size(); k++) {
                assertThat(d.get(d.first(i) + k)).isSameAs(at.get(k));
            }
            if (!at.isEmpty()) {
                walks++;
                assertThat(at.get(0).request() == i || at.get(0).reply() == i).isTrue();
            } else {
                assertThat(d.first(i)).isEqualTo(-1);
            }
        }
        assertThat(walks).isGreaterThan(30);
    }
}
