package io.lookaside.capture;

import io.lookaside.net.LinkType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A pure-Java reader for the common shape of pcap and pcapng files, the fast path in front of
 * libpcap: it reads records in large blocks with no per-record native call, and hands each one
 * over exactly as libpcap through pcap4j would (same bytes, same nanosecond timestamp, same
 * record count). It reads only what it is sure libpcap reads the same way; at the first record
 * it is not sure about it stops, and {@link PcapSource} lets libpcap go on from that record, so
 * libpcap stays the reference for everything unusual (damaged or cut records, new sections,
 * interfaces of another link type, odd timestamp resolutions). Measured against libpcap in
 * docs/decisions/0011-fast-reader-and-spilled-store.md.
 *
 * <p>What it reads, and how libpcap 1.10 reads the same (sf-pcap.c, sf-pcapng.c):
 * <pre>
 * pcap:   magic[4] (a1b2c3d4 µs or a1b23c4d ns, either byte order) version[2+2] thiszone[4]
 *         sigfigs[4] snaplen[4] linktype[4], then records ts_sec[4] ts_frac[4] incl_len[4] orig_len[4] data
 * pcapng: one Section Header Block (version 1.0), Interface Description Blocks that all agree
 *         (link type, snapshot length, time stamps in µs or ns with no offset), Enhanced Packet
 *         Blocks; other block types are skipped, as libpcap skips them
 * </pre>
 * The seconds of a classic record are a signed 32-bit field (struct pcap_timeval); the fraction
 * must lie within a second, or pcap4j's Timestamp rejects it. A record longer than the snapshot
 * length, which libpcap would cut, is left to libpcap.
 */
final class PcapFileReader implements AutoCloseable {
    /** libpcap's MAXIMUM_SNAPLEN, the snapshot length it assumes for a header that gives none. */
    static final int MAXIMUM_SNAPLEN = 262_144;
    private static final int BUFFER = 4 << 20;
    private static final int CLASSIC_HEADER = 24;
    private static final int RECORD_HEADER = 16;
    private static final int MAGIC_MICRO = 0xA1B2C3D4;
    private static final int MAGIC_NANO = 0xA1B23C4D;
    private static final int SHB = 0x0A0D0D0A;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int IDB = 1;
    private static final int EPB = 6;
    private static final int SPB = 3;
    private static final int OPB = 2;
    /** EPB: type[4] length[4] interface[4] ts_high[4] ts_low[4] caplen[4] origlen[4] data options length[4]. */
    private static final int EPB_FIXED = 32;
    private static final int OPT_END = 0;
    private static final int OPT_IF_TSRESOL = 9;
    private static final int OPT_IF_TSOFFSET = 14;
    /** Seconds beyond this are left to libpcap: their nanoseconds would not fit a long. */
    private static final long MAX_SECONDS = 1L << 33;

    /** Receives each record; {@code data} is reused for the next record. */
    interface Records {
        void record(byte[] data, int length, long tsNanos);
    }

    private final FileChannel channel;
    private final ByteBuffer buf;
    private final boolean pcapng;
    private final boolean nano;
    private final int linkType;
    private final int snapshot;
    private final byte[] data;
    private long records;
    private boolean ended;
    private boolean stopped;
    private boolean eof;
    /** pcapng: the interfaces described so far, all alike; their snapshot and resolution. */
    private int interfaces;
    private final int idbSnaplen;

    private PcapFileReader(FileChannel channel, ByteBuffer buf, boolean pcapng, boolean nano, int linkType,
                           int snaplen) {
        this.channel = channel;
        this.buf = buf;
        this.pcapng = pcapng;
        this.nano = nano;
        this.linkType = linkType;
        this.idbSnaplen = snaplen;
        this.snapshot = snaplen <= 0 || snaplen > MAXIMUM_SNAPLEN ? MAXIMUM_SNAPLEN : snaplen;
        this.data = new byte[snapshot];
        this.interfaces = pcapng ? 1 : 0;
    }

    /**
     * Opens {@code file} when its header is one this reader handles, or returns null and the
     * whole file is libpcap's.
     */
    static PcapFileReader open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        PcapFileReader r = null;
        try {
            ByteBuffer b = ByteBuffer.allocateDirect(BUFFER);
            b.flip();
            r = classic(ch, b);
            if (r == null) {
                r = pcapng(ch, b);
            }
            return r;
        } finally {
            if (r == null) {
                ch.close();
            }
        }
    }

    private static PcapFileReader classic(FileChannel ch, ByteBuffer b) throws IOException {
        if (!fill(ch, b, CLASSIC_HEADER)) {
            return null;
        }
        int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic != MAGIC_MICRO && magic != MAGIC_NANO) {
            magic = b.order(ByteOrder.BIG_ENDIAN).getInt(0);
            if (magic != MAGIC_MICRO && magic != MAGIC_NANO) {
                return null;
            }
        }
        int major = b.getShort(4) & 0xFFFF;
        int minor = b.getShort(6) & 0xFFFF;
        int snaplen = b.getInt(16);
        int linkType = b.getInt(20);
        // The upper bits of the link type field carry the FCS length (pcap-savefile(5)): libpcap's business.
        if (major != 2 || minor != 4 || !handled(linkType)) {
            return null;
        }
        b.position(CLASSIC_HEADER);
        return new PcapFileReader(ch, b, false, magic == MAGIC_NANO, linkType, snaplen);
    }

    /** A section header, then blocks up to the first interface description, as libpcap opens it. */
    private static PcapFileReader pcapng(FileChannel ch, ByteBuffer b) throws IOException {
        b.position(0);
        if (!fill(ch, b, 28) || b.order(ByteOrder.BIG_ENDIAN).getInt(0) != SHB) {
            return null;
        }
        b.order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(8) != BYTE_ORDER_MAGIC) {
            b.order(ByteOrder.BIG_ENDIAN);
            if (b.getInt(8) != BYTE_ORDER_MAGIC) {
                return null;
            }
        }
        int shbLength = b.getInt(4);
        if (b.getShort(12) != 1 || b.getShort(14) != 0 || !wellFormed(b, shbLength)) {
            return null;
        }
        b.position(0);
        if (!fill(ch, b, shbLength) || b.getInt(shbLength - 4) != shbLength) {
            return null;
        }
        b.position(shbLength);
        while (true) {
            if (!fill(ch, b, 8)) {
                return null;
            }
            int at = b.position();
            int type = b.getInt(at);
            int length = b.getInt(at + 4);
            if (!wellFormed(b, length) || !fill(ch, b, length)) {
                return null;
            }
            at = b.position();
            if (b.getInt(at + length - 4) != length) {
                return null;
            }
            if (type == IDB) {
                int linkType = b.getShort(at + 8) & 0xFFFF;
                int snaplen = b.getInt(at + 12);
                int resolution = resolution(b, at, length);
                if (!handled(linkType) || resolution < 0) {
                    return null;
                }
                b.position(at + length);
                return new PcapFileReader(ch, b, true, resolution == 9, linkType, snaplen);
            }
            if (type == EPB || type == SPB || type == OPB || type == SHB) {
                return null;
            }
            b.position(at + length);
        }
    }

    /** Link types Lookaside parses whose LINKTYPE_ value libpcap reports unchanged or as DLT_RAW. */
    private static boolean handled(int linkType) {
        return switch (linkType) {
            case LinkType.NULL, LinkType.EN10MB, LinkType.RAW, LinkType.LOOP, LinkType.LINUX_SLL,
                    LinkType.IPV4, LinkType.IPV6, LinkType.VSOCK, LinkType.LINUX_SLL2 -> true;
            default -> false;
        };
    }

    /** A block length libpcap accepts (a multiple of 4, at least 12) that fits the buffer. */
    private static boolean wellFormed(ByteBuffer b, int length) {
        return length >= 12 && length % 4 == 0 && length <= b.capacity();
    }

    /**
     * The decimal exponent of an interface's time stamps, 6 (µs, when there is no if_tsresol
     * option) or 9 (ns), with no if_tsoffset or a zero one; -1 for anything else, which is
     * libpcap's to scale.
     */
    private static int resolution(ByteBuffer b, int at, int length) {
        int resolution = 6;
        int o = at + 16;
        int end = at + length - 4;
        while (o + 4 <= end) {
            int code = b.getShort(o) & 0xFFFF;
            int len = b.getShort(o + 2) & 0xFFFF;
            if (code == OPT_END) {
                return resolution;
            }
            if (o + 4 + len > end) {
                return -1;
            }
            if (code == OPT_IF_TSRESOL) {
                int v = len == 1 ? b.get(o + 4) : -1;
                if (v != 6 && v != 9) {
                    return -1;
                }
                resolution = v;
            }
            if (code == OPT_IF_TSOFFSET && (len != 8 || b.getLong(o + 4) != 0)) {
                return -1;
            }
            o += 4 + ((len + 3) & ~3);
        }
        return o == end ? resolution : -1;
    }

    /** The link type for {@link io.lookaside.net.PacketParser}. */
    int linkType() {
        return linkType;
    }

    /** Records handed over so far. */
    long records() {
        return records;
    }

    /** The file ended right after the last record: nothing is left for libpcap. */
    boolean ended() {
        return ended;
    }

    /**
     * Hands over up to {@code max} records; returns how many. 0 means the end of the file, or a
     * record this reader leaves to libpcap ({@link #ended()} tells which).
     */
    int read(int max, Records to) throws IOException {
        int n = 0;
        while (n < max && !ended && !stopped) {
            if (pcapng ? block(to) : record(to)) {
                n++;
            }
        }
        return n;
    }

    private boolean record(Records to) throws IOException {
        if (!fill(RECORD_HEADER)) {
            end();
            return false;
        }
        int at = buf.position();
        long sec = buf.getInt(at);
        int frac = buf.getInt(at + 4);
        int caplen = buf.getInt(at + 8);
        if (caplen < 0 || caplen > snapshot || frac < 0 || frac >= (nano ? 1_000_000_000 : 1_000_000)
                || !fill(RECORD_HEADER + caplen)) {
            stopped = true;
            return false;
        }
        at = buf.position();
        buf.get(at + RECORD_HEADER, data, 0, caplen);
        buf.position(at + RECORD_HEADER + caplen);
        records++;
        to.record(data, caplen, sec * 1_000_000_000L + (nano ? frac : frac * 1000L));
        return true;
    }

    /** One pcapng block; true when it was a packet handed over. */
    private boolean block(Records to) throws IOException {
        if (!fill(8)) {
            end();
            return false;
        }
        int at = buf.position();
        int type = buf.getInt(at);
        int length = buf.getInt(at + 4);
        if (!wellFormed(buf, length) || !fill(length)) {
            stopped = true;
            return false;
        }
        at = buf.position();
        if (buf.getInt(at + length - 4) != length) {
            stopped = true;
            return false;
        }
        switch (type) {
            case EPB -> {
                int iface = buf.getInt(at + 8);
                long t = (buf.getInt(at + 12) & 0xFFFF_FFFFL) << 32 | (buf.getInt(at + 16) & 0xFFFF_FFFFL);
                int caplen = buf.getInt(at + 20);
                long units = nano ? 1_000_000_000L : 1_000_000L;
                long sec = t / units;
                if (iface < 0 || iface >= interfaces || caplen < 0 || caplen > snapshot
                        || caplen > length - EPB_FIXED || t < 0 || sec >= MAX_SECONDS) {
                    stopped = true;
                    return false;
                }
                buf.get(at + 28, data, 0, caplen);
                buf.position(at + length);
                records++;
                long frac = t % units;
                to.record(data, caplen, sec * 1_000_000_000L + (nano ? frac : frac * 1000L));
                return true;
            }
            case IDB -> {
                // Another interface like the first: same link type, snapshot and time stamps.
                if ((buf.getShort(at + 8) & 0xFFFF) != linkType || buf.getInt(at + 12) != idbSnaplen
                        || resolution(buf, at, length) != (nano ? 9 : 6)) {
                    stopped = true;
                    return false;
                }
                interfaces++;
            }
            case SHB, SPB, OPB -> {
                stopped = true;
                return false;
            }
            default -> {
                // Name resolution, interface statistics, custom blocks: libpcap skips them too.
            }
        }
        buf.position(at + length);
        return false;
    }

    private void end() {
        if (buf.hasRemaining()) {
            stopped = true; // a partial header: libpcap says how it is cut
        } else {
            ended = true;
        }
    }

    private boolean fill(int n) throws IOException {
        if (buf.remaining() >= n) {
            return true;
        }
        if (eof) {
            return false;
        }
        boolean ok = fill(channel, buf, n);
        eof = !ok || eof;
        return ok;
    }

    /** Makes {@code n} bytes available from the buffer's position; false at the end of the file. */
    private static boolean fill(FileChannel ch, ByteBuffer b, int n) throws IOException {
        if (b.remaining() >= n) {
            return true;
        }
        b.compact();
        try {
            while (b.position() < n) {
                if (ch.read(b) < 0) {
                    return false;
                }
            }
            while (b.hasRemaining() && ch.read(b) > 0) {
                // fill the whole buffer: fewer, larger reads
            }
        } finally {
            b.flip();
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
