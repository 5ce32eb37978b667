package io.lookaside.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookaside.capture.Protocol;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FuseModelsTest {

    @Test
    void allListsEveryFuseModelOnceWithAKebabCaseId() {
        List<String> ids = FuseModels.ALL.stream().map(WhatIfModel::id).toList();
        assertThat(ids).containsExactly("fuse-negative-entry", "fuse-entry-timeout", "fuse-attr-timeout",
                "fuse-cache-symlinks", "readdirplus", "fuse-lookup-storm-listing", "no-open", "flush-elimination",
                "keep-cache", "write-merge", "sg-direct-io", "fuse-xattr-negative");
        assertThat(ids).allMatch(id -> id.matches("[a-z0-9]+(-[a-z0-9]+)*"));
        assertThat(Models.ALL).containsAll(FuseModels.ALL);
        assertThat(FuseModels.ALL).allMatch(m -> m.protocols().equals(Set.of(Protocol.FUSE)));
        assertThat(FuseModels.ALL).allMatch(m -> !m.title().isBlank() && m.assumptions().length() > 100);
    }

    @Test
    void allProtocolChangesIgnoreTheWindowAndCachesHonourIt() {
        Set<String> unwindowed = FuseModels.ALL.stream().filter(m -> !m.windowed()).map(WhatIfModel::id)
                .collect(Collectors.toSet());
        assertThat(unwindowed).containsExactlyInAnyOrder("no-open", "flush-elimination", "keep-cache", "sg-direct-io");
    }

    @Test
    void profilesNameFuseModelsAndAreListedInProfiles() {
        Set<String> ids = FuseModels.ALL.stream().map(WhatIfModel::id).collect(Collectors.toSet());
        assertThat(FuseModels.PROFILES).extracting(Profile::id).containsExactly("fuse-kernel-default",
                "fuse-negative-timeout", "fuse-negative-timeout-inf", "fuse-cache-symlinks",
                "fuse-negative-timeout+cache-symlinks");
        assertThat(FuseModels.PROFILES).allMatch(p -> p.protocol() == Protocol.FUSE && !p.steps().isEmpty()
                && p.steps().stream().allMatch(s -> ids.contains(s.modelId())));
        assertThat(Profiles.ALL).containsAll(FuseModels.PROFILES);
    }

    @Test
    void profilesKernelDefaultRunsTheTimeoutsAsAnswered() {
        Profile p = FuseModels.PROFILES.get(0);
        assertThat(p.steps()).extracting(Profile.Step::windowNanos).containsOnly(Windows.AS_ANSWERED);
        assertThat(p.steps()).extracting(Profile.Step::modelId).containsExactly("fuse-entry-timeout",
                "fuse-attr-timeout", "fuse-negative-entry");
    }
}
