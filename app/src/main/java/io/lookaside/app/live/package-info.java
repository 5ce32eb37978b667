/**
 * Live capture in the workbench: the Capture › Start… dialog (interfaces with their traffic,
 * the BPF filter checked as it is typed, stop conditions, the output file), the capture under
 * way (its counters, the snapshots that grow the message list, Stop) and Save Capture As….
 * The workbench feeds its snapshots to the other features; this package knows none of them.
 */
package io.lookaside.app.live;
