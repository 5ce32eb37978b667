package io.lookaside.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.Samples;
import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.lifecycle.FidLifetime;
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
 * The ids are the record keys of {@link NinePExchanges} in another form: on real captures, two
 * files, entries or servers get the same id exactly when their records are equal.
 */
class NinePKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {"a-v9fs-busybox-cachenone.pcap.gz", "c-diod-userspace.pcap.gz",
        "a-v9fs-busybox-cacheloose.pcap.gz"})
    void idsAreEqualExactlyWhenTheRecordKeysAreEqual(String sample) throws CaptureException {
        Session s = SessionLoader.load(Samples.path(sample), CaptureOptions.DEFAULT, LoadMonitor.NONE);
        Lifecycles l = Lifecycles.of(s);
        NinePKeys keys = new NinePKeys(s);
        Map<Object, Integer> ids = new HashMap<>();
        Map<Object, Object> records = new HashMap<>();
        int checked = 0;
        for (FidLifetime f : l.fids()) {
            for (int at : new int[] {f.createdAt(), Math.max(0, f.endedAt())}) {
                same(ids, records, "file", NinePExchanges.file(f.conn(), f, at), keys.file(f.conn(), f, at));
                checked++;
            }
        }
        for (Lookup x : l.dentries().all()) {
            same(ids, records, "dir", NinePExchanges.entry(x).dir(), keys.dir(x));
            same(ids, records, "entry", NinePExchanges.entry(x), keys.entry(x));
            checked++;
        }
        for (int c = 0; c < s.connections().size(); c++) {
            int first = c;
            int i = 0;
            while (i < s.size() && s.conn(i) != first) {
                i++;
            }
            if (i < s.size()) {
                same(ids, records, "server", NinePExchanges.server(s, i), keys.server(c));
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    /** Files and directories share one id space; entries and servers each have their own. */
    private static void same(Map<Object, Integer> ids, Map<Object, Object> records, String space, Object record,
                             int id) {
        String kind = space.equals("dir") ? "file" : space;
        Integer idBefore = ids.putIfAbsent(List.of(kind, record), id);
        Object recordBefore = records.putIfAbsent(List.of(kind, id), record);
        assertThat(idBefore == null ? id : idBefore).as(kind + " " + record).isEqualTo(id);
        assertThat(recordBefore == null ? record : recordBefore).as(kind + " id " + id).isEqualTo(record);
    }
}
