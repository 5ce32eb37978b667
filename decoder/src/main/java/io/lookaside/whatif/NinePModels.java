package io.lookaside.whatif;

import java.util.List;

/** The 9P models (placeholder until they land). */
final class NinePModels {
    static final List<WhatIfModel> ALL = List.of();
    static final List<Profile> PROFILES = List.of();

    private NinePModels() {
    }
}
