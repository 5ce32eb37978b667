package io.lookaside.whatif;

import io.lookaside.lifecycle.FidLifetime;
import io.lookaside.lifecycle.Lookup;
import io.lookaside.session.Session;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The keys of the 9P models' caches as dense int ids, interned once per run and shared by every
 * window's cache state: the same identities as {@link NinePExchanges#file},
 * {@link NinePExchanges#entry} and {@link NinePExchanges#server}, without a record or a string
 * made per message and per window (docs/performance.md).
 *
 * <ul>
 * <li>A file: (connection, qid.path) when the qid is known, else (connection, path).</li>
 * <li>An entry: (directory's file id, name).</li>
 * <li>A server-wide change key for {@link ForeignChangesById}: (server, qid.path), or
 *     (server, directory qid.path, name).</li>
 * </ul>
 */
final class NinePKeys {
    /** Marks a file keyed by path in the first half of its pair (connections are ints). */
    private static final long BY_PATH = 1L << 40;
    /** Marks a change key without a name in the low half of its first long (name ids are ≥ -1). */
    private static final long NO_NAME = 0xFFFF_FFFEL;

    private final int[] serverOfConn;
    private final Map<String, Integer> strings = new HashMap<>();
    private final PairIds files = new PairIds();
    private final PairIds entries = new PairIds();
    private final PairIds changes = new PairIds();
    /** Per fid lifetime index: its file id + 1 when keyed by qid (fixed for the lifetime), else 0. */
    private int[] fileOfFid = new int[0];
    /** Per file id and per entry id: its change key + 1 once asked for (a file's connection fixes its server). */
    private int[] changeOfFile = new int[0];
    private int[] changeOfEntry = new int[0];
    /** Per dentry-cache key id of the lifecycles: its entry id + 1 once asked for. */
    private int[] entryOfKey = new int[0];

    NinePKeys(Session s) {
        serverOfConn = NinePExchanges.serverIds(s);
    }

    /** The server connection {@code conn} talks to, as {@link NinePExchanges#server} names it. */
    int server(int conn) {
        return serverOfConn[conn];
    }

    /** An id per distinct string (names, paths); -1 for null. */
    int string(String text) {
        if (text == null) {
            return -1;
        }
        Integer id = strings.get(text);
        if (id == null) {
            id = strings.size();
            strings.put(text, id);
        }
        return id;
    }

    /** The file {@code f} names at message {@code at}, as {@link NinePExchanges#file}; -1 for null. */
    int file(int conn, FidLifetime f, int at) {
        if (f == null) {
            return -1;
        }
        if (!f.qidKnown()) {
            return files.intern(BY_PATH | conn, string(f.pathAt(at)));
        }
        int index = f.index();
        if (index >= fileOfFid.length) {
            fileOfFid = Arrays.copyOf(fileOfFid, Math.max(index + 1, fileOfFid.length * 2));
        }
        if (fileOfFid[index] == 0) {
            fileOfFid[index] = byQid(conn, f.qidPath()) + 1;
        }
        return fileOfFid[index] - 1;
    }

    /** The file (conn, qid.path). */
    int byQid(int conn, long qid) {
        return files.intern(conn, qid);
    }

    /** The directory a lookup was made in, keyed as {@link NinePExchanges#entry(Lookup)} keys it. */
    int dir(Lookup x) {
        return x.dirQidKnown() ? byQid(x.conn(), x.dirQidPath()) : files.intern(BY_PATH | x.conn(), string(x.dir()));
    }

    /** True when file id {@code file} is keyed by qid.path. */
    boolean byQid(int file) {
        return (files.first(file) & BY_PATH) == 0;
    }

    /** The qid.path of a file keyed by qid. */
    long qid(int file) {
        return files.second(file);
    }

    /** The entry {@code name} in directory file id {@code dir}. */
    int entry(int dir, String name) {
        return entries.intern(dir, string(name));
    }

    /** The entry a lookup looked up. */
    int entry(Lookup x) {
        return entry(dir(x), x.name());
    }

    /**
     * The entry lookup {@code k} of {@code d} looked up: {@link #entry(Lookup)}, found once per
     * dentry-cache key of the lifecycles ({@link io.lookaside.lifecycle.Dentries#key}) instead of once per lookup. Equal
     * keys there are equal entries here (the same connection, directory and name; a directory by
     * path id there, by its path here, which only merges more).
     */
    int entry(io.lookaside.lifecycle.Dentries d, int k) {
        int key = d.key(k);
        if (key >= entryOfKey.length) {
            entryOfKey = Arrays.copyOf(entryOfKey, Math.max(key + 1, Math.max(16, entryOfKey.length * 2)));
        }
        if (entryOfKey[key] == 0) {
            entryOfKey[key] = entry(d.get(k)) + 1;
        }
        return entryOfKey[key] - 1;
    }

    /** The directory file id of an entry. */
    int entryDir(int entry) {
        return (int) entries.first(entry);
    }

    /** The name (string id) of an entry. */
    int entryName(int entry) {
        return (int) entries.second(entry);
    }

    /**
     * The server-wide change key of a file keyed by qid ({@link #change(int, long)} of its
     * connection's server and its qid.path); -1 for a file keyed by path (-1 too).
     */
    int fileChange(int file) {
        if (file < 0 || !byQid(file)) {
            return -1;
        }
        if (file >= changeOfFile.length) {
            changeOfFile = Arrays.copyOf(changeOfFile, Math.max(file + 1, changeOfFile.length * 2));
        }
        if (changeOfFile[file] == 0) {
            changeOfFile[file] = change(server((int) files.first(file)), qid(file)) + 1;
        }
        return changeOfFile[file] - 1;
    }

    /**
     * The server-wide change key of an entry whose directory is keyed by qid
     * ({@link #change(int, long, int)}); -1 when the directory is keyed by path.
     */
    int entryChange(int entry) {
        int dir = entryDir(entry);
        if (!byQid(dir)) {
            return -1;
        }
        if (entry >= changeOfEntry.length) {
            changeOfEntry = Arrays.copyOf(changeOfEntry, Math.max(entry + 1, changeOfEntry.length * 2));
        }
        if (changeOfEntry[entry] == 0) {
            changeOfEntry[entry] = change(server((int) files.first(dir)), qid(dir), entryName(entry)) + 1;
        }
        return changeOfEntry[entry] - 1;
    }

    /** A server-wide change key for a file or any other per-qid thing: (server, qid.path). */
    int change(int server, long qid) {
        return changes.intern((long) server << 32 | NO_NAME, qid);
    }

    /** A server-wide change key for an entry: (server, directory qid.path, name string id). */
    int change(int server, long dirQid, int name) {
        return changes.intern((long) server << 32 | (name & 0xFFFF_FFFFL), dirQid);
    }
}
