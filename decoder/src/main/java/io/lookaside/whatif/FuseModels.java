package io.lookaside.whatif;

import java.util.List;

/** The FUSE models (placeholder until they land). */
final class FuseModels {
    static final List<WhatIfModel> ALL = List.of();
    static final List<Profile> PROFILES = List.of();

    private FuseModels() {
    }
}
