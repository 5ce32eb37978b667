package io.lookaside.ninep;

import io.lookaside.wire.ProtocolMessage;

/**
 * A decoded 9P message: one record per message of 9P2000, 9P2000.u and 9P2000.L, named and
 * laid out as the spec names them, plus {@link Malformed} and {@link Unknown}.
 *
 * <p>Record components are the JSON keys, spelled as the reference tables spell the fields
 * ({@code fid}, {@code newfid}, {@code wnames}, {@code n_uname}, {@code request_mask}). Two
 * spec fields called {@code type} are renamed because a JSONL line's common key "type" (the
 * message type name) would hide them: the lock type of Tlock, Tgetlock and Rgetlock is
 * {@code lock_type}, the file system type of Rstatfs is {@code fstype}. Fields that exist only
 * in some dialects (the .u additions) are boxed and null where absent. u32 values are
 * {@code long} so that fids and counts above 2^31 stay positive; u64 values are {@code long}
 * too, so ~0 ("don't change") reads as -1.
 */
public sealed interface NinePMessage extends ProtocolMessage
        permits Tversion, Rversion, Tauth, Rauth, Tattach, Rattach, Rerror, Tflush, Rflush, Twalk,
        Rwalk, Topen, Ropen, Tcreate, Rcreate, Tread, Rread, Twrite, Rwrite, Tclunk, Rclunk,
        Tremove, Rremove, Tstat, Rstat, Twstat, Rwstat, Rlerror, Tstatfs, Rstatfs, Tlopen, Rlopen,
        Tlcreate, Rlcreate, Tsymlink, Rsymlink, Tmknod, Rmknod, Trename, Rrename, Treadlink,
        Rreadlink, Tgetattr, Rgetattr, Tsetattr, Rsetattr, Txattrwalk, Rxattrwalk, Txattrcreate,
        Rxattrcreate, Treaddir, Rreaddir, Tfsync, Rfsync, Tlock, Rlock, Tgetlock, Rgetlock, Tlink,
        Rlink, Tmkdir, Rmkdir, Trenameat, Rrenameat, Tunlinkat, Runlinkat, Malformed, Unknown,
        HeaderOnly {

    /** The tag that pairs a reply with its request; NOTAG (0xFFFF) on Tversion. */
    int tag();

    /** The spec name: records are named after their messages. */
    @Override
    default String typeName() {
        return getClass().getSimpleName();
    }
}
