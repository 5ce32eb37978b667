/**
 * The Compare perspective: two open captures side by side. The per-operation, model and profile
 * deltas are the CLI's {@code diff} ({@code DiffBuilder} over the two reports, not a second
 * computation); the wait-over-time charts share one time base (seconds since each capture's
 * first message); and an alignment lists the first occurrence of each path in A and in B with
 * the lookups each side made of it, so that the walks a cache removed stand out. Like the
 * workbench, it composes other features' results (the waits' {@code WaitTimeline}).
 */
package io.lookaside.app.compare;
