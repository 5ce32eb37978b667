/**
 * The outline view: the capture as a tree, connections → fids or node ids → paths, each with
 * its message count, as Eclipse's outline shows a file's structure. Built from the analysis's
 * lifecycles off the FX thread; a path opens its first message.
 */
package io.lookaside.app.outline;
