package io.lookaside.capture;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.Pcaps;

/** Every record of a capture file as libpcap reads it through pcap4j: the reference for the fast reader. */
final class LibpcapRecords {
    private LibpcapRecords() {
    }

    /** The records libpcap hands over before its end of file or its first error. */
    static List<PcapFiles.Record> read(Path file) throws Exception {
        List<PcapFiles.Record> records = new ArrayList<>();
        PcapHandle h = Pcaps.openOffline(file.toString(), PcapHandle.TimestampPrecision.NANO);
        try {
            while (true) {
                int n;
                try {
                    n = h.dispatch(4096, (org.pcap4j.core.RawPacketListener) data -> {
                        Timestamp t = h.getTimestamp();
                        records.add(new PcapFiles.Record(Math.floorDiv(t.getTime(), 1000L) * 1_000_000_000L
                                + t.getNanos(), data));
                    });
                } catch (org.pcap4j.core.PcapNativeException e) {
                    return records; // a cut or damaged record: what came before is the answer
                }
                if (n == 0) {
                    return records;
                }
            }
        } finally {
            h.close();
        }
    }

    /** The records the fast reader hands over, and whether it read to the end of the file. */
    static Read fast(Path file) throws Exception {
        List<PcapFiles.Record> records = new ArrayList<>();
        try (PcapFileReader r = PcapFileReader.open(file)) {
            if (r == null) {
                return null;
            }
            while (r.read(1000, (data, length, ts) ->
                    records.add(new PcapFiles.Record(ts, java.util.Arrays.copyOf(data, length)))) > 0) {
                // all of it
            }
            return new Read(records, r.ended(), r.linkType());
        }
    }

    record Read(List<PcapFiles.Record> records, boolean ended, int linkType) {
    }
}
