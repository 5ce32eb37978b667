/**
 * The lifecycles tab: 9P fid lifetimes, FUSE node ids and file handles, what was still held when
 * the capture ended, and the dentry query ("how many times was this path looked up and not found?").
 */
package io.lookaside.app.lifecycles;
