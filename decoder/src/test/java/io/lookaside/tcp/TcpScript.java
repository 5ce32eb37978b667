package io.lookaside.tcp;

import io.lookaside.capture.MessageSink;
import io.lookaside.net.Frames;
import io.lookaside.net.LinkType;
import io.lookaside.net.Packet;
import io.lookaside.net.PacketParser;
import io.lookaside.net.Tcp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A TCP conversation written frame by frame (Ethernet, IPv4, TCP), with sequence and
 * acknowledgement numbers kept as a real stack would, so tests can reorder, repeat, overlap or
 * drop segments of real 9P message bytes and feed the frames to a {@link FlowTracker}.
 */
final class TcpScript {
    final int clientIp;
    final int serverIp;
    final int clientPort;
    final int serverPort;
    /** Next sequence number each side sends: [0] client, [1] server. */
    final int[] seq = {0x1000_0000, 0x7000_0000};
    final List<byte[]> frames = new ArrayList<>();

    TcpScript(int clientIp, int clientPort, int serverIp, int serverPort) {
        this.clientIp = clientIp;
        this.clientPort = clientPort;
        this.serverIp = serverIp;
        this.serverPort = serverPort;
    }

    static TcpScript loopback(int clientPort, int serverPort) {
        return new TcpScript(Frames.ip4(10, 0, 0, 1), clientPort, Frames.ip4(10, 0, 0, 2), serverPort);
    }

    private int side(boolean fromClient) {
        return fromClient ? 0 : 1;
    }

    /** A frame at an explicit sequence number, acknowledging everything the other side sent. */
    byte[] frame(boolean fromClient, int sequence, int flags, byte[] payload) {
        int ack = seq[side(!fromClient)];
        byte[] tcp = fromClient
                ? Frames.tcpWithOptions(clientPort, serverPort, sequence, ack, flags | Tcp.ACK, payload)
                : Frames.tcpWithOptions(serverPort, clientPort, sequence, ack, flags | Tcp.ACK, payload);
        byte[] ip = fromClient ? Frames.ipv4(clientIp, serverIp, tcp) : Frames.ipv4(serverIp, clientIp, tcp);
        return Frames.ethernet(Frames.ETHERTYPE_IPV4, ip);
    }

    TcpScript handshake() {
        byte[] tcpSyn = Frames.tcp(clientPort, serverPort, seq[0] - 1, 0, Tcp.SYN, new byte[0]);
        frames.add(Frames.ethernet(Frames.ETHERTYPE_IPV4, Frames.ipv4(clientIp, serverIp, tcpSyn)));
        byte[] tcpSynAck = Frames.tcp(serverPort, clientPort, seq[1] - 1, seq[0], Tcp.SYN | Tcp.ACK, new byte[0]);
        frames.add(Frames.ethernet(Frames.ETHERTYPE_IPV4, Frames.ipv4(serverIp, clientIp, tcpSynAck)));
        frames.add(frame(true, seq[0], 0, new byte[0]));
        return this;
    }

    /** The segments a message goes out in, at most {@code mss} bytes each; sequence numbers advance. */
    List<byte[]> segments(boolean fromClient, byte[] message, int mss) {
        List<byte[]> out = new ArrayList<>();
        for (int at = 0; at < message.length; at += mss) {
            byte[] part = Arrays.copyOfRange(message, at, Math.min(message.length, at + mss));
            out.add(frame(fromClient, seq[side(fromClient)], 0, part));
            seq[side(fromClient)] += part.length;
        }
        return out;
    }

    /** Sends a message in segments of at most {@code mss} bytes, in order. */
    TcpScript send(boolean fromClient, byte[] message, int mss) {
        frames.addAll(segments(fromClient, message, mss));
        return this;
    }

    TcpScript ack(boolean fromClient) {
        frames.add(frame(fromClient, seq[side(fromClient)], 0, new byte[0]));
        return this;
    }

    TcpScript fin(boolean fromClient) {
        frames.add(frame(fromClient, seq[side(fromClient)], Tcp.FIN, new byte[0]));
        seq[side(fromClient)]++;
        return this;
    }

    /** Feeds every frame, numbered from {@code firstFrame}, to a new tracker, and finishes. */
    static FlowTracker play(List<byte[]> frames, MessageSink sink, int forcedPort, TrackerLimits limits) {
        FlowTracker t = new FlowTracker(sink, forcedPort, limits);
        feed(t, frames, 1);
        t.finish();
        return t;
    }

    static void feed(FlowTracker t, List<byte[]> frames, long firstFrame) {
        Packet p = new Packet();
        long frame = firstFrame;
        for (byte[] f : frames) {
            if (PacketParser.parse(f, f.length, LinkType.EN10MB, p) == PacketParser.TCP) {
                t.tcp(p, f, frame, frame * 1_000_000L);
            }
            frame++;
        }
    }
}
