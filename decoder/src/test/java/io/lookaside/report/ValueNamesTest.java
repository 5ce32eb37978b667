package io.lookaside.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueNamesTest {

    /** Values as they appear in the samples' JSON (decode --format jsonl), with the names the headers give them. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', nullValues = "null", textBlock = """
            9p;   Rlerror;    ecode;            2;        ENOENT
            9p;   Rerror;     errno;            13;       EACCES
            9p;   Rlerror;    ecode;            9999;     null
            9p;   Tlopen;     flags;            100352;   O_RDONLY|O_NONBLOCK|O_LARGEFILE|O_DIRECTORY
            9p;   Tlcreate;   flags;            32833;    O_WRONLY|O_CREAT|O_LARGEFILE
            9p;   Topen;      mode;             17;       OWRITE|OTRUNC
            9p;   Rwalk;      qids.type;        128;      QTDIR
            9p;   Rgetattr;   qid.type;         2;        QTSYMLINK
            9p;   Rwalk;      qids.type;        0;        QTFILE
            9p;   Rgetattr;   mode;             16877;    S_IFDIR|0755
            9p;   Tlcreate;   mode;             33188;    S_IFREG|0644
            9p;   Tsetattr;   valid;            65;       MODE|CTIME
            9p;   Tgetattr;   request_mask;     2047;     MODE|NLINK|UID|GID|RDEV|ATIME|MTIME|CTIME|INO|SIZE|BLOCKS
            9p;   Tunlinkat;  flags;            512;      AT_REMOVEDIR
            9p;   Rreaddir;   entries.type;     4;        DT_DIR
            9p;   Twalk;      fid;              3;        null
            fuse; LOOKUP;     error;            -2;       ENOENT
            fuse; LOOKUP;     error;            0;        null
            fuse; OPEN;       flags;            32768;    O_RDONLY|O_LARGEFILE
            fuse; OPEN;       open_flags;       2;        KEEP_CACHE
            fuse; SETATTR;    valid;            1;        MODE
            fuse; GETATTR;    attr.mode;        41471;    S_IFLNK|0777
            fuse; READ;       offset;           32768;    null
            """)
    void namesTheValuesTheHeadersName(String proto, String type, String path, long value, String expected) {
        assertThat(ValueNames.name(proto, type, path, value)).isEqualTo(expected);
    }
}
