package io.lookaside.tcp;

import io.lookaside.net.Endpoints;
import io.lookaside.net.Packet;
import java.util.Arrays;

/**
 * Flows by endpoint pair, in an open-addressing table over flat long keys, so looking a
 * packet's flow up allocates nothing. The key is the two endpoints in a fixed order (A sorts
 * first by address, then port), so both directions find the same flow; {@link #direction()}
 * tells which way the packet went.
 */
final class FlowTable {
    private static final int KEY = 5;

    private long[] keys;
    private Flow[] flows;
    private int mask;
    private int size;
    private int direction;
    private int slot;

    FlowTable() {
        allocate(1024);
    }

    private void allocate(int capacity) {
        keys = new long[capacity * KEY];
        flows = new Flow[capacity];
        mask = capacity - 1;
        size = 0;
    }

    int size() {
        return size;
    }

    /** 0 when the last looked-up packet went from A to B, 1 otherwise. */
    int direction() {
        return direction;
    }

    /** The packet's flow, or null; afterwards {@link #direction()} and an insertion slot are known. */
    Flow find(Packet p) {
        boolean srcFirst = compare(p.srcHi(), p.srcLo(), p.srcPort(), p.dstHi(), p.dstLo(), p.dstPort()) <= 0;
        direction = srcFirst ? 0 : 1;
        long hi1 = srcFirst ? p.srcHi() : p.dstHi();
        long lo1 = srcFirst ? p.srcLo() : p.dstLo();
        long port1 = (srcFirst ? p.srcPort() : p.dstPort()) & 0xFFFF_FFFFL;
        long hi2 = srcFirst ? p.dstHi() : p.srcHi();
        long lo2 = srcFirst ? p.dstLo() : p.srcLo();
        long port2 = (srcFirst ? p.dstPort() : p.srcPort()) & 0xFFFF_FFFFL;
        boolean vsock = p.family() == Endpoints.VSOCK;
        // vsock: 32-bit ports, 64-bit CIDs in lo and nothing in hi, so the ports take hi's place.
        long k0 = vsock ? port1 : hi1;
        long k1 = lo1;
        long k2 = vsock ? port2 : hi2;
        long k3 = lo2;
        long k4 = (long) p.family() << 40 | (vsock ? 0 : port1 << 16 | port2);
        int i = hash(k0, k1, k2, k3, k4) & mask;
        while (flows[i] != null) {
            int k = i * KEY;
            if (keys[k] == k0 && keys[k + 1] == k1 && keys[k + 2] == k2 && keys[k + 3] == k3 && keys[k + 4] == k4) {
                slot = i;
                return flows[i];
            }
            i = (i + 1) & mask;
        }
        slot = i;
        keys[i * KEY] = k0;
        keys[i * KEY + 1] = k1;
        keys[i * KEY + 2] = k2;
        keys[i * KEY + 3] = k3;
        keys[i * KEY + 4] = k4;
        return null;
    }

    /** Puts {@code f} where the last {@link #find} missed, or replaces what it found. */
    void put(Flow f) {
        if (flows[slot] == null) {
            size++;
        }
        flows[slot] = f;
        if (size * 2 > flows.length) {
            rebuild(flows.length * 2, false);
        }
    }

    /** Drops closed flows and flows that are not 9P; returns how many were dropped. */
    int purge() {
        int before = size;
        rebuild(flows.length, true);
        return before - size;
    }

    void forEach(java.util.function.Consumer<Flow> action) {
        for (Flow f : flows) {
            if (f != null) {
                action.accept(f);
            }
        }
    }

    private void rebuild(int capacity, boolean dropFinished) {
        long[] oldKeys = keys;
        Flow[] oldFlows = flows;
        allocate(capacity);
        for (int j = 0; j < oldFlows.length; j++) {
            Flow f = oldFlows[j];
            if (f == null || dropFinished && (f.closed || f.status == Flow.NOT_NINEP)) {
                continue;
            }
            int k = j * KEY;
            int i = hash(oldKeys[k], oldKeys[k + 1], oldKeys[k + 2], oldKeys[k + 3], oldKeys[k + 4]) & mask;
            while (flows[i] != null) {
                i = (i + 1) & mask;
            }
            System.arraycopy(oldKeys, k, keys, i * KEY, KEY);
            flows[i] = f;
            size++;
        }
        Arrays.fill(oldFlows, null);
    }

    private static int compare(long hi1, long lo1, int port1, long hi2, long lo2, int port2) {
        int c = Long.compareUnsigned(hi1, hi2);
        if (c == 0) {
            c = Long.compareUnsigned(lo1, lo2);
        }
        return c != 0 ? c : Integer.compareUnsigned(port1, port2);
    }

    private static int hash(long k0, long k1, long k2, long k3, long k4) {
        long h = k0 * 0x9E3779B97F4A7C15L;
        h = (h ^ k1) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ k2) * 0x9E3779B97F4A7C15L;
        h = (h ^ k3) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ k4) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 29 ^ h >>> 47);
    }
}
