/**
 * The wait-time tab (what-if.md, "Wait-time report"): per-operation waits with percentiles and
 * bytes, the wall-clock wait, where the capture was taken, the wait per operation and over time.
 */
package io.lookaside.app.waits;
