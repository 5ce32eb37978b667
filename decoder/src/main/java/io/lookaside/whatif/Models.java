package io.lookaside.whatif;

import java.util.ArrayList;
import java.util.List;

/** Every what-if model, listed explicitly (no ServiceLoader, no reflection). */
public final class Models {
    public static final List<WhatIfModel> ALL;

    static {
        List<WhatIfModel> all = new ArrayList<>(NinePModels.ALL);
        all.addAll(FuseModels.ALL);
        ALL = List.copyOf(all);
    }

    private Models() {
    }

    /** The model with this id, or null. */
    public static WhatIfModel byId(String id) {
        for (WhatIfModel m : ALL) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        return null;
    }
}
