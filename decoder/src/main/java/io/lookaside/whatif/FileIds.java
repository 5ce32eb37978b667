package io.lookaside.whatif;

import io.lookaside.lifecycle.FidLifetime;
import io.lookaside.lifecycle.Lifecycles;
import io.lookaside.session.Connection;
import io.lookaside.session.Session;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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
    private final Session session;
    private final int[] byLifetime;
    private final int[] serverOfConn;
    private final Map<String, Integer> servers = new HashMap<>();
    private final PairIds byQid = new PairIds();
    private final PairIds serverFiles = new PairIds();
    private final Map<PathKey, Integer> byPath = new HashMap<>();
    /** Per file id: its server-wide file id, or -1 for a file known by path only. */
    private int[] serverFileOf = new int[64];
    private int count;

    private record PathKey(int conn, String path) {
    }

    FileIds(Session session, Lifecycles lifecycles) {
        this.session = session;
        this.byLifetime = new int[lifecycles.fids().size()];
        Arrays.fill(byLifetime, -1);
        this.serverOfConn = new int[session.connections().size()];
        Arrays.fill(serverOfConn, -1);
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
        int id = byQid.get(conn, qid);
        if (id < 0) {
            id = add(serverFile(conn, qid));
            byQid.put(conn, qid, id);
        }
        return id;
    }

    /** The server-wide id of a file known by qid, or -1 for one known by path only. */
    int serverFile(int file) {
        return serverFileOf[file];
    }

    /** The server-wide id of the file with qid.path {@code qid} on connection {@code conn}'s server. */
    int serverFile(int conn, long qid) {
        int server = server(conn);
        int id = serverFiles.get(server, qid);
        if (id < 0) {
            id = serverFiles.size();
            serverFiles.put(server, qid, id);
        }
        return id;
    }

    /** How many server-wide file ids there are so far. */
    int serverFileCount() {
        return serverFiles.size();
    }

    /** An id per server, as {@link NinePExchanges#server} names them: connections to one server share it. */
    int server(int conn) {
        int id = serverOfConn[conn];
        if (id < 0) {
            List<Connection> all = session.connections();
            String name = all.get(conn).id();
            int gt = name.indexOf('>');
            id = servers.computeIfAbsent(gt < 0 ? name : name.substring(gt + 1), k -> servers.size());
            serverOfConn[conn] = id;
        }
        return id;
    }

    private int add(int serverFile) {
        if (count == serverFileOf.length) {
            serverFileOf = Arrays.copyOf(serverFileOf, count * 2);
        }
        serverFileOf[count] = serverFile;
        return count++;
    }

    /** Open addressing from (int, long) pairs to int ids; nothing is ever removed. */
    private static final class PairIds {
        private int[] as = new int[64];
        private long[] bs = new long[64];
        private int[] ids = new int[64];
        private int size;

        PairIds() {
            Arrays.fill(ids, -1);
        }

        int size() {
            return size;
        }

        int get(int a, long b) {
            int mask = ids.length - 1;
            for (int at = slot(a, b, mask); ids[at] >= 0; at = (at + 1) & mask) {
                if (as[at] == a && bs[at] == b) {
                    return ids[at];
                }
            }
            return -1;
        }

        /** Adds a pair that is not there yet. */
        void put(int a, long b, int id) {
            if ((size + 1) * 4 > ids.length * 3) {
                grow();
            }
            int mask = ids.length - 1;
            int at = slot(a, b, mask);
            while (ids[at] >= 0) {
                at = (at + 1) & mask;
            }
            as[at] = a;
            bs[at] = b;
            ids[at] = id;
            size++;
        }

        private void grow() {
            int[] oldA = as;
            long[] oldB = bs;
            int[] oldIds = ids;
            as = new int[oldIds.length * 2];
            bs = new long[oldIds.length * 2];
            ids = new int[oldIds.length * 2];
            Arrays.fill(ids, -1);
            size = 0;
            for (int at = 0; at < oldIds.length; at++) {
                if (oldIds[at] >= 0) {
                    put(oldA[at], oldB[at], oldIds[at]);
                }
            }
        }

        private static int slot(int a, long b, int mask) {
            long h = (b ^ (long) a << 40 ^ a) * 0x9E37_79B9_7F4A_7C15L;
            return (int) (h ^ h >>> 32) & mask;
        }
    }
}
