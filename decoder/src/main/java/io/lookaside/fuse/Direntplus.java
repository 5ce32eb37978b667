package io.lookaside.fuse;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** {@code struct fuse_direntplus}, one READDIRPLUS entry: <pre>entry_out[128] dirent[24 + namelen]</pre> padded to 8. */
public record Direntplus(@JsonUnwrapped EntryOut entry_out, @JsonUnwrapped Dirent dirent) {
}
