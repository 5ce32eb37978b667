package io.lookaside.whatif;

import java.util.ArrayList;
import java.util.List;

/** Every profile, listed explicitly: the 9P ones, then the FUSE ones. */
public final class Profiles {
    public static final List<Profile> ALL;

    static {
        List<Profile> all = new ArrayList<>(NinePModels.PROFILES);
        all.addAll(FuseModels.PROFILES);
        ALL = List.copyOf(all);
    }

    private Profiles() {
    }
}
