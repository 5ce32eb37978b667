package io.lookaside.lifecycle;

/**
 * One name looked up in one directory: one element of a Twalk (walk(5)). A directory is
 * identified by the qid.path of the fid walked from when the capture showed it
 * ({@code dirQidKnown}), else by its path.
 *
 * @param request    the Twalk
 * @param reply      its reply (Rwalk, Rlerror or Rerror)
 * @param dir        the directory's path, relative to the attach root
 * @param name       the element looked up
 * @param path       dir + name
 * @param result     found, not found (ENOENT, or the element where a partial Rwalk stopped), or
 *                   failed with another error
 * @param qidPath    the qid.path found, when FOUND
 * @param ecode      the Linux errno of a failure (2 for a partial Rwalk), else 0
 */
public record Lookup(int request, int reply, int conn, boolean dirQidKnown, long dirQidPath,
                     String dir, String name, String path, Result result, long qidPath, long ecode) {

    /** What a lookup found. */
    public enum Result {
        FOUND,
        /** ENOENT, or the element at which a partial Rwalk stopped (Linux reads nwqid < nwname as ENOENT). */
        NOT_FOUND,
        /** Any other error (EACCES, ENOTDIR, ...). */
        FAILED
    }

    public boolean negative() {
        return result == Result.NOT_FOUND;
    }
}
