package io.lookaside.capture;

import java.nio.file.Path;

/** Placeholder: pcap/pcapng reading through pcap4j (the capture layer replaces this). */
public final class PcapSource implements CaptureSource {
    public PcapSource(Path path, CaptureOptions options) {
    }

    @Override
    public void read(MessageSink sink, LoadMonitor monitor) throws CaptureException {
        throw new CaptureException("pcap reading is not implemented yet");
    }
}
