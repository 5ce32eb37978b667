package io.lookaside.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.capture.CaptureException;
import io.lookaside.lifecycle.FidLifetime;
import io.lookaside.lifecycle.LoadedSamples;
import io.lookaside.lifecycle.NinePScript;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.session.Session;
import io.lookaside.whatif.NinePExchanges.FileKey;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileIdsTest {

    /** Ids are a one-to-one image of the FileKeys the models used to hash: equal keys, equal ids. */
    @ParameterizedTest
    @ValueSource(strings = {"a-v9fs-busybox-cachenone.pcap.gz", "a-v9fs-gccsplit-srccachenone.pcap.gz",
        "c-diod-userspace.pcap.gz"})
    void ofGivesEqualIdsExactlyToEqualFileKeys(String sample) throws CaptureException {
        LoadedSamples.Loaded loaded = LoadedSamples.load(sample);
        Session s = loaded.session();
        Lifecycles l = loaded.lifecycles();
        FileIds ids = new FileIds(s, l);
        Map<FileKey, Integer> idOfKey = new HashMap<>();
        Map<Integer, FileKey> keyOfId = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            FidLifetime f = l.fid(i);
            if (f == null) {
                continue;
            }
            FileKey key = NinePExchanges.file(s.conn(i), f, i);
            int id = ids.of(s.conn(i), f, i);
            assertThat(idOfKey.computeIfAbsent(key, k -> id)).as(key.toString()).isEqualTo(id);
            assertThat(keyOfId.computeIfAbsent(id, k -> key)).isEqualTo(key);
            assertThat(ids.serverFile(id) >= 0).isEqualTo(key.byQid());
        }
        assertThat(ids.count()).isEqualTo(idOfKey.size()).isPositive();
    }

    @Test
    void serverFileIsSharedByConnectionsToTheSameServerOnly() {
        NinePScript t = new NinePScript();
        t.connection("10.0.2.15:41001>127.0.0.1:564");
        t.connection("10.0.2.16:41000>10.0.0.9:564");
        Session s = t.session();
        FileIds ids = new FileIds(s, Lifecycles.of(s));

        int a = ids.byQid(0, 7);
        int b = ids.byQid(1, 7);

        assertThat(a).isNotEqualTo(b);
        assertThat(ids.byQid(0, 7)).isEqualTo(a);
        assertThat(ids.serverFile(a)).isEqualTo(ids.serverFile(b)).isEqualTo(ids.serverFile(1, 7));
        assertThat(ids.serverFile(2, 7)).isNotEqualTo(ids.serverFile(a));
        assertThat(ids.serverFile(0, 8)).isNotEqualTo(ids.serverFile(a));
        assertThat(ids.server(0)).isEqualTo(ids.server(1)).isNotEqualTo(ids.server(2));
    }
}
