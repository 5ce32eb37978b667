package io.lookaside.capture;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** What an input file holds, told by its content, never by its name. */
public enum InputKind {
    PCAP("pcap"),
    PCAPNG("pcapng"),
    FUSEDUMP("fusedump"),
    STRACE("strace"),
    TRACEFS("tracefs"),
    QEMU_TRACE("qemu-trace");

    private final String key;

    InputKind(String key) {
        this.key = key;
    }

    /** The name used on the command line ({@code --as}) and in reports. */
    public String key() {
        return key;
    }

    public static InputKind fromKey(String key) {
        for (InputKind k : values()) {
            if (k.key.equalsIgnoreCase(key)) {
                return k;
            }
        }
        return null;
    }

    /** Detects the kind from the first bytes (decompressed when gzip), or null if none fits. */
    public static InputKind detect(Path path) throws CaptureException {
        return detect(InputFiles.head(path, 64 * 1024));
    }

    static InputKind detect(byte[] head) {
        if (head.length >= 4) {
            int be = (head[0] & 0xFF) << 24 | (head[1] & 0xFF) << 16 | (head[2] & 0xFF) << 8 | (head[3] & 0xFF);
            switch (be) {
                case 0xA1B2C3D4, 0xD4C3B2A1, 0xA1B23C4D, 0x4D3CB2A1:
                    return PCAP;
                case 0x0A0D0D0A:
                    return PCAPNG;
                default:
                    break;
            }
        }
        if (FuseInputDetector.isFusedump(head)) {
            return FUSEDUMP;
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (FuseInputDetector.isTracefs(text)) {
            return TRACEFS;
        }
        if (QemuTraceSource.looksLike(text)) {
            return QEMU_TRACE;
        }
        if (FuseInputDetector.isStrace(text)) {
            return STRACE;
        }
        return null;
    }
}
