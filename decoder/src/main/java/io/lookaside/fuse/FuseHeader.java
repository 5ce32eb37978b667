package io.lookaside.fuse;

/** The header of a FUSE message: {@link InHeader}, {@link OutHeader} or {@link NotifyHeader}. */
public sealed interface FuseHeader permits InHeader, OutHeader, NotifyHeader {
    /** The message length the header announces. */
    long len();
}
