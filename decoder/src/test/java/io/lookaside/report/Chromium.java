package io.lookaside.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Headless Chromium for tests that render the HTML pages; absent on some machines. */
final class Chromium {
    private Chromium() {
    }

    /** The chromium executable on PATH, or null. */
    static Path find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            for (String name : new String[] {"chromium", "chromium-browser", "google-chrome"}) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Runs chromium headless on a local file with extra arguments; returns its standard output. */
    static String run(Path chromium, Path html, Path home, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + home.resolve("profile")));
        cmd.addAll(List.of(args));
        cmd.add(html.toUri().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(home.resolve("stderr.txt").toFile());
        pb.environment().put("HOME", home.toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish");
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
