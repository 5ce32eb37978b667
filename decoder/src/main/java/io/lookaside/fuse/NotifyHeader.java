package io.lookaside.fuse;

/**
 * The {@code fuse_out_header} of a notification: {@code unique} is 0 and {@code error} holds
 * the notification code (linux/fuse.h, dev.c fuse_notify()).
 */
public record NotifyHeader(long unique, int error, long len) implements FuseHeader {
}
