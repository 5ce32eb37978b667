package io.lookaside.net;

/**
 * Address families of a flow and their text form for connection ids: {@code 10.0.2.15:41000},
 * {@code [fe80::1]:564} (RFC 5952: lower case, longest run of zero groups as {@code ::}),
 * {@code 3:1023} for vsock (CID:port).
 */
public final class Endpoints {
    public static final int IPV4 = 4;
    public static final int IPV6 = 6;
    public static final int VSOCK = 40;

    private Endpoints() {
    }

    public static String format(int family, long hi, long lo, int port) {
        StringBuilder b = new StringBuilder(48);
        switch (family) {
            case IPV4 -> b.append(lo >>> 24 & 0xFF).append('.').append(lo >>> 16 & 0xFF).append('.')
                    .append(lo >>> 8 & 0xFF).append('.').append(lo & 0xFF).append(':').append(port);
            case IPV6 -> b.append('[').append(ipv6(hi, lo)).append("]:").append(port);
            default -> b.append(Long.toUnsignedString(lo)).append(':').append(Integer.toUnsignedString(port));
        }
        return b.toString();
    }

    static String ipv6(long hi, long lo) {
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) {
            g[i] = (int) (hi >>> (48 - 16 * i)) & 0xFFFF;
            g[i + 4] = (int) (lo >>> (48 - 16 * i)) & 0xFFFF;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder b = new StringBuilder(40);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLength - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
                b.append(':');
            }
            b.append(Integer.toHexString(g[i]));
        }
        return b.toString();
    }
}
