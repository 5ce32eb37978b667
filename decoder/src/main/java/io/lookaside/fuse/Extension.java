package io.lookaside.fuse;

import java.util.List;

/**
 * A request extension (7.38): blocks at the end of a request, {@code total_extlen × 8} bytes
 * in all, each starting {@code size[4] type[4]} with size counting the whole 8-aligned block.
 * Types 0-31 are a security context header whose type is the number of contexts; 32 is
 * FUSE_EXT_GROUPS (linux/fuse.h, dir.c get_create_ext()).
 */
public sealed interface Extension {

    /** {@code fuse_secctx_header} + {@code nr_secctx × (fuse_secctx{size, padding} name\0 context)}. */
    record SecurityContext(List<SecCtx> contexts) implements Extension {
    }

    /** One security context: the LSM xattr name and its value (usually text). */
    record SecCtx(String name, String context) {
    }

    /** FUSE_EXT_GROUPS: {@code fuse_supp_groups{nr_groups[4] groups[4 × nr]}}, the caller's supplementary groups. */
    record SupplementaryGroups(List<Long> groups) implements Extension {
    }

    /** A block of a type this decoder does not know. */
    record Unknown(long type, long size) implements Extension {
    }
}
