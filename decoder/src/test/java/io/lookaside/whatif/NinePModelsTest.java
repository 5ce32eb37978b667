package io.lookaside.whatif;

import static io.lookaside.lifecycle.NinePScript.file;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.capture.Protocol;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.lifecycle.NinePScript;
import io.lookaside.session.Session;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

class NinePModelsTest {
    @Test
    void allListsEveryModelOnceUnderAUniqueId() {
        assertThat(NinePModels.ALL).extracting(WhatIfModel::id).doesNotHaveDuplicates().containsExactlyInAnyOrder(
                "negative-dentry", "symlink", "positive-dentry", "page-cache", "writeback", "walk-open-fusion",
                "walk-getattr-fusion", "async-clunk", "lookup-storm-listing", "xattr-negative", "loose-write-effects");
        assertThat(Models.ALL).containsAll(NinePModels.ALL);
        assertThat(NinePModels.ALL).allSatisfy(m -> {
            assertThat(m.protocols()).containsExactly(Protocol.NINEP);
            assertThat(m.assumptions()).isNotBlank();
            assertThat(m.title()).isNotBlank();
        });
    }

    @Test
    void profilesNameTheLoosePatchSeriesAndOnlyKnownModels() {
        assertThat(NinePModels.PROFILES).extracting(Profile::id).containsExactly("v9fs-cache-loose",
                "v9fs-cache-loose+negtimeout", "v9fs-cache-loose+negtimeout+symlink");
        assertThat(NinePModels.PROFILES).flatExtracting(Profile::steps)
                .allSatisfy(step -> assertThat(Models.byId(step.modelId())).isNotNull());
        assertThat(NinePModels.PROFILES.get(0).steps()).extracting(Profile.Step::modelId)
                .containsExactly("positive-dentry", "page-cache", "writeback", "loose-write-effects")
                .doesNotContain("negative-dentry", "symlink");
        assertThat(NinePModels.PROFILES.get(2).steps()).extracting(Profile.Step::modelId)
                .contains("negative-dentry", "symlink");
    }

    @Test
    void profileSimulateIsTheUnionOfItsSteps() {
        NinePScript t = new NinePScript().attach(0, "/", 1);
        t.miss(0, 1, "x").miss(0, 1, "x").lookup(0, 1, "f", file(5)).tclunk(1).rclunk();
        t.lookup(0, 1, "f", file(5)).tclunk(1).rclunk();
        Session s = t.session();
        Lifecycles l = Lifecycles.of(s);
        Profile p = NinePModels.PROFILES.get(1);

        BitSet expected = new BitSet();
        for (Profile.Step step : p.steps()) {
            expected.or(Models.byId(step.modelId()).simulate(s, l, step.windowNanos()).eliminated());
        }

        assertThat(p.simulate(s, l).eliminated()).isEqualTo(expected);
        assertThat(expected.cardinality()).isEqualTo(2 + 6);
    }
}
