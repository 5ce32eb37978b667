package io.lookaside.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** tshark as an independent oracle: which 9P PDUs, with which type and tag, in which frame. */
final class Tshark {
    private Tshark() {
    }

    static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "tshark"))) {
                return true;
            }
        }
        return false;
    }

    /** "frame:type:tag" for every 9P PDU, in frame order and stream order within a frame. */
    static List<String> pdus(Path capture, String... decodeAs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", capture.toString()));
        for (String d : decodeAs) {
            cmd.add("-d");
            cmd.add(d);
        }
        cmd.addAll(List.of("-Y", "9p", "-T", "fields", "-e", "frame.number", "-e", "9p.msgtype", "-e", "9p.tag",
                "-E", "occurrence=a", "-E", "aggregator=,"));
        Path out = Files.createTempFile("tshark-", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("tshark took too long on " + capture);
            }
            List<String> pdus = new ArrayList<>();
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                String[] types = f[1].split(",");
                String[] tags = f[2].split(",");
                for (int i = 0; i < types.length; i++) {
                    pdus.add(f[0] + ":" + types[i] + ":" + tags[i]);
                }
            }
            return pdus;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
