package io.lookaside.session;

import io.lookaside.capture.CaptureException;
import io.lookaside.capture.CaptureOptions;
import io.lookaside.capture.CaptureSource;
import io.lookaside.capture.FusedumpSource;
import io.lookaside.capture.InputKind;
import io.lookaside.capture.LoadMonitor;
import io.lookaside.capture.PcapSource;
import io.lookaside.capture.StraceSource;
import io.lookaside.capture.TracefsSource;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one way a capture becomes a {@link Session}: detect, read, decode, correlate, freeze. */
public final class SessionLoader {
    private SessionLoader() {
    }

    public static Session load(Path path, CaptureOptions options, LoadMonitor monitor) throws CaptureException {
        if (!Files.exists(path)) {
            throw new CaptureException(path + ": no such file");
        }
        if (Files.isDirectory(path)) {
            throw new CaptureException(path + ": is a directory, not a capture");
        }
        InputKind kind = options.as() != null ? options.as() : InputKind.detect(path);
        if (kind == null) {
            throw new CaptureException(path + ": not a capture Lookaside can read "
                    + "(expected pcap, pcapng, fusedump, strace or tracefs text, optionally gzip-compressed)");
        }
        SessionBuilder builder = new SessionBuilder(path.toString());
        builder.sourceKind(kind.key());
        sourceFor(kind, path, options).read(builder, monitor);
        return builder.build();
    }

    private static CaptureSource sourceFor(InputKind kind, Path path, CaptureOptions options) throws CaptureException {
        return switch (kind) {
            case PCAP, PCAPNG -> new PcapSource(path, options);
            case FUSEDUMP -> new FusedumpSource(path);
            case STRACE -> new StraceSource(path);
            case TRACEFS -> new TracefsSource(path);
        };
    }
}
