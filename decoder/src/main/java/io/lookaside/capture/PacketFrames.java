package io.lookaside.capture;

import io.lookaside.net.Packet;
import io.lookaside.net.PacketParser;
import io.lookaside.tcp.FlowTracker;

/**
 * Each captured record, whoever read it (the fast file reader, libpcap on a file, libpcap on a
 * live interface, dumpcap's stream): link layer, IP and TCP parsed, segments handed to the
 * flows, records that are not packets counted and told once at the end. Frame numbers count
 * every record from 1, as Wireshark does, so a live capture's frame numbers are those of the
 * file it writes.
 */
public final class PacketFrames implements PcapFileReader.Records {
    /** Per-record overhead of a classic pcap file, for progress (pcapng's differs a little). */
    private static final int RECORD_HEADER = 16;

    private final int dlt;
    private final FlowTracker tracker;
    private final RecordProblems problems;
    private final Packet packet = new Packet();
    private long frame;
    private long bytes;

    public PacketFrames(int dlt, FlowTracker tracker, MessageSink sink) {
        this.dlt = dlt;
        this.tracker = tracker;
        this.problems = new RecordProblems(sink);
    }

    /** Records seen so far: the frame number of the last one. */
    public long frame() {
        return frame;
    }

    /** Bytes of the records so far, with a pcap record header each (for progress). */
    public long bytes() {
        return bytes;
    }

    /** A record that could not be handed over (its header is unreadable): it still counts as a frame. */
    public void unreadable(Throwable e) {
        frame++;
        problems.unreadable(frame, String.valueOf(e.getMessage()));
    }

    @Override
    public void record(byte[] data, int length, long ts) {
        frame++;
        switch (PacketParser.parse(data, length, dlt, packet)) {
            case PacketParser.TCP -> tracker.tcp(packet, data, frame, ts);
            case PacketParser.VSOCK -> tracker.vsock(packet, data, frame, ts);
            case PacketParser.FRAGMENT -> problems.fragment(frame);
            case PacketParser.MALFORMED -> problems.malformed(frame, packet.problem());
            default -> {
            }
        }
        bytes += length + RECORD_HEADER;
    }

    /** The input ended: flows deliver what they hold and say what was left unfinished; problems are told. */
    public void finish() {
        tracker.finish();
        problems.report();
    }

    /** Records that could not be read as packets: counted, the first one told. */
    private static final class RecordProblems {
        private final MessageSink sink;
        private long fragments;
        private long firstFragment;
        private long malformed;
        private long firstMalformed;
        private String firstProblem;
        private long unreadable;
        private long firstUnreadable;
        private String firstUnreadableWhy;

        RecordProblems(MessageSink sink) {
            this.sink = sink;
        }

        void fragment(long frame) {
            if (fragments++ == 0) {
                firstFragment = frame;
            }
        }

        void malformed(long frame, String problem) {
            if (malformed++ == 0) {
                firstMalformed = frame;
                firstProblem = problem;
            }
        }

        void unreadable(long frame, String why) {
            if (unreadable++ == 0) {
                firstUnreadable = frame;
                firstUnreadableWhy = why;
            }
        }

        void report() {
            if (unreadable > 0) {
                sink.diagnostic(Diagnostic.warning(firstUnreadable, -1, unreadable + " records were skipped because"
                        + " their header cannot be read (first: frame " + firstUnreadable + ", " + firstUnreadableWhy
                        + "); their streams show gaps"));
            }
            if (fragments > 0) {
                sink.diagnostic(Diagnostic.warning(firstFragment, -1, fragments + " IP fragments were skipped (first: frame "
                        + firstFragment + "); TCP over fragmented IP is not reassembled, so its streams show gaps"));
            }
            if (malformed > 0) {
                sink.diagnostic(Diagnostic.warning(firstMalformed, -1, malformed + " frames could not be read as IP/TCP (first: frame "
                        + firstMalformed + ", " + firstProblem + ")"));
            }
        }
    }
}
