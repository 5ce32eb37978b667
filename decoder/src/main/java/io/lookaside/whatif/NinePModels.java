package io.lookaside.whatif;

import io.lookaside.capture.Protocol;
import java.util.List;

/** The 9P models and the profiles that combine them into real client configurations. */
final class NinePModels {
    static final List<WhatIfModel> ALL = List.of(new NegativeDentry(), new SymlinkCache(), new PositiveDentry(),
            new PageCache(), new Writeback(), new WalkOpenFusion(), new WalkGetattrFusion(), new AsyncClunk(),
            new LookupStormListing(), new XattrNegative(), new LooseWriteEffects());

    /**
     * How long pages stay dirty before writeback. The flusher wakes every dirty_writeback_centisecs
     * (5 s by default) and writes pages dirty for longer than dirty_expire_centisecs (30 s) — or
     * every dirty page when dirty memory is above the background threshold, as it is in small VM
     * guests like the samples': their cache=loose captures write back files dirtied 1 to 5 s
     * earlier, in batches about 5 s apart. So the profile uses the 5 s wakeup period; on a machine
     * with plenty of memory, run the writeback model with 30 s instead.
     */
    static final long WRITEBACK_DELAY = 5_000_000_000L;

    private static final List<Profile.Step> LOOSE = List.of(
            new Profile.Step("positive-dentry", Windows.INFINITE),
            new Profile.Step("page-cache", Windows.INFINITE),
            new Profile.Step("writeback", WRITEBACK_DELAY),
            new Profile.Step("loose-write-effects", Windows.INFINITE));

    static final List<Profile> PROFILES = List.of(
            new Profile("v9fs-cache-loose", "v9fs cache=loose (Linux 6.1)",
                    "What the samples' Linux 6.1 v9fs client caches with cache=loose, simulated on a cache=none "
                            + "capture: positive dentries and inode attributes kept until invalidated locally, "
                            + "file data in the page cache, writes held as dirty pages until fsync, setattr, "
                            + "the flusher's next 5 s pass or the end. Negative dentries are still dropped and every readlink still "
                            + "goes to the server.",
                    Protocol.NINEP, LOOSE),
            new Profile("v9fs-cache-loose+negtimeout", "v9fs cache=loose + negative dentries",
                    "cache=loose with the negative-dentry patch (mount option negtimeout=-1: keep until "
                            + "invalidated): repeated lookups of a missing name stay on the client.",
                    Protocol.NINEP, plus(LOOSE, new Profile.Step("negative-dentry", Windows.INFINITE))),
            new Profile("v9fs-cache-loose+negtimeout+symlink", "v9fs cache=loose + negative dentries + symlinks",
                    "The full patch series: cache=loose, negative dentries, and symlink targets kept in the "
                            + "page cache so resolving a link again sends no Treadlink.",
                    Protocol.NINEP, plus(plus(LOOSE, new Profile.Step("negative-dentry", Windows.INFINITE)),
                            new Profile.Step("symlink", Windows.INFINITE))));

    private NinePModels() {
    }

    private static List<Profile.Step> plus(List<Profile.Step> steps, Profile.Step step) {
        List<Profile.Step> out = new java.util.ArrayList<>(steps);
        out.add(step);
        return List.copyOf(out);
    }
}
