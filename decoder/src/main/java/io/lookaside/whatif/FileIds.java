package io.lookaside.whatif;

import io.lookaside.lifecycle.FidLifetime;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.session.Session;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Dense ids for the files of one simulation, so that a model keeps its per-window cache state
 * in arrays indexed by file instead of hash maps of records (docs/performance.md). A file is
 * what {@link NinePExchanges#file} keys: (connection, qid.path), or (connection, path) when the
 * fid's qid is unknown; equal keys get equal ids, in the order first asked for. A server-wide
 * file, (server, qid.path), the key of another connection's change in {@link ForeignChanges},
 * gets an id of its own kind. A fid lifetime whose qid is known names one file all its life, so
 * its id is looked up once.
 */
final class FileIds {
    private final int[] byLifetime;
    private final int[] serverOfConn;
    /** (connection, qid.path) pairs by pair id, and the file id of each: file ids count path-only files too. */
    private final PairIds qidPairs = new PairIds();
    private int[] fileOfQidPair = new int[64];
    private final PairIds serverFiles = new PairIds();
    private final Map<PathKey, Integer> byPath = new HashMap<>();
    /** Per file id: its server-wide file id, or -1 for a file known by path only. */
    private int[] serverFileOf = new int[64];
    private int count;

    private record PathKey(int conn, String path) {
    }

    FileIds(Session session, Lifecycles lifecycles) {
        this.byLifetime = new int[lifecycles.fids().size()];
        Arrays.fill(byLifetime, -1);
        this.serverOfConn = NinePExchanges.serverIds(session);
    }

    /** How many file ids there are so far: every id is below it. */
    int count() {
        return count;
    }

    /** The file fid lifetime {@code f} of connection {@code conn} names at message {@code at}. */
    int of(int conn, FidLifetime f, int at) {
        if (!f.qidKnown()) {
            return byPath.computeIfAbsent(new PathKey(conn, f.pathAt(at)), k -> add(-1));
        }
        int id = byLifetime[f.index()];
        if (id < 0 || f.conn() != conn) {
            id = byQid(conn, f.qidPath());
            if (f.conn() == conn) {
                byLifetime[f.index()] = id;
            }
        }
        return id;
    }

    /** The file with qid.path {@code qid} as connection {@code conn}'s cache keys it. */
    int byQid(int conn, long qid) {
        int known = qidPairs.size();
        int pair = qidPairs.intern(conn, qid);
        if (pair == known) {
            // A pair seen for the first time (pair ids are given in order): it names a new file.
            if (pair == fileOfQidPair.length) {
                fileOfQidPair = Arrays.copyOf(fileOfQidPair, pair * 2);
            }
            fileOfQidPair[pair] = add(serverFile(conn, qid));
        }
        return fileOfQidPair[pair];
    }

    /** The server-wide id of a file known by qid, or -1 for one known by path only. */
    int serverFile(int file) {
        return serverFileOf[file];
    }

    /** The server-wide id of the file with qid.path {@code qid} on connection {@code conn}'s server. */
    int serverFile(int conn, long qid) {
        return serverFiles.intern(server(conn), qid);
    }

    /** How many server-wide file ids there are so far. */
    int serverFileCount() {
        return serverFiles.size();
    }

    /** An id per server, as {@link NinePExchanges#server} names them: connections to one server share it. */
    int server(int conn) {
        return serverOfConn[conn];
    }

    private int add(int serverFile) {
        if (count == serverFileOf.length) {
            serverFileOf = Arrays.copyOf(serverFileOf, count * 2);
        }
        serverFileOf[count] = serverFile;
        return count++;
    }
}
