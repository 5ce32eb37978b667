package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import java.util.List;

/** The FUSE models and the profiles built from them, listed explicitly. */
final class FuseModels {
    static final List<WhatIfModel> ALL = List.of(
            new FuseNegativeEntry(),
            new FuseEntryTimeout(),
            new FuseAttrTimeout(),
            new FuseCacheSymlinks(),
            new Readdirplus(),
            new FuseLookupStormListing(),
            new NoOpen(),
            new FlushElimination(),
            new KeepCache(),
            new WriteMerge(),
            new ScatterGatherDirectIo(),
            new FuseXattrNegative());

    private static final long ONE_SECOND = 1_000_000_000L;

    static final List<Profile> PROFILES = List.of(
            new Profile("fuse-kernel-default", "FUSE kernel defaults (baseline)",
                    "What the kernel already does: positive entries, attributes and nodeid-0 negative entries "
                            + "cached for exactly the entry_valid and attr_valid the daemon answered. It should "
                            + "remove almost nothing; what it removes is traffic the kernel sent although its cache "
                            + "was still valid (evictions, invalidations the capture does not show).",
                    Protocol.FUSE, List.of(
                            new Profile.Step("fuse-entry-timeout", Windows.AS_ANSWERED),
                            new Profile.Step("fuse-attr-timeout", Windows.AS_ANSWERED),
                            new Profile.Step("fuse-negative-entry", Windows.AS_ANSWERED))),
            new Profile("fuse-negative-timeout", "negative_timeout=1",
                    "The daemon answers missing names with nodeid 0 and entry_valid 1 s (libfuse -o "
                            + "negative_timeout=1), so the kernel keeps negative dentries for a second.",
                    Protocol.FUSE, List.of(new Profile.Step("fuse-negative-entry", ONE_SECOND))),
            new Profile("fuse-negative-timeout-inf", "negative_timeout=∞",
                    "Negative dentries kept until this client creates the name or the daemon invalidates it: "
                            + "right only for a daemon that is the sole writer of its backing store.",
                    Protocol.FUSE, List.of(new Profile.Step("fuse-negative-entry", Windows.INFINITE))),
            new Profile("fuse-cache-symlinks", "CACHE_SYMLINKS",
                    "The daemon agrees FUSE_CACHE_SYMLINKS in INIT: symlink targets stay in the page cache until "
                            + "the inode is evicted or invalidated.",
                    Protocol.FUSE, List.of(new Profile.Step("fuse-cache-symlinks", Windows.INFINITE))),
            new Profile("fuse-negative-timeout+cache-symlinks", "negative_timeout=1 + CACHE_SYMLINKS",
                    "Both daemon changes together: one-second negative dentries and cached symlink targets.",
                    Protocol.FUSE, List.of(
                            new Profile.Step("fuse-negative-entry", ONE_SECOND),
                            new Profile.Step("fuse-cache-symlinks", Windows.INFINITE))));

    private FuseModels() {
    }
}
