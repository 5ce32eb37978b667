package io.lookaside.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher ({@code ./lookaside FILE}) under a window manager (openbox) on Xvfb, as a
 * user starts it: the window must come up at its size, not the 200×200 that JavaFX's GTK glass
 * gave three starts in four under openbox, and a size the user chose must come back on the next
 * start. Runs after {@code package} (failsafe), so the launcher finds its jar built. Needs Xvfb,
 * openbox, xdotool and xwininfo (x11-utils): {@code ./lookaside test} and CI install them.
 */
class LauncherWindowIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String SAMPLE = "samples/a-v9fs-busybox-cachenone.pcap.gz";
    private static final Pattern SIZE = Pattern.compile("Width: (\\d+)\\s+Height: (\\d+)", Pattern.DOTALL);

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();
    private String display;

    @BeforeEach
    void startXvfbAndOpenbox() throws Exception {
        for (String tool : List.of("Xvfb", "openbox", "xdotool", "xwininfo")) {
            assertThat(run("sh", "-c", "command -v " + tool).isBlank()).as(tool + " is installed").isFalse();
        }
        // -displayfd: Xvfb picks a free display itself and writes its number (other tests run at the same time).
        Path fd = dir.resolve("display");
        Process xvfb = start(List.of("sh", "-c", "exec Xvfb -displayfd 1 -screen 0 1600x1000x24 -nolisten tcp > " + fd), null);
        for (int k = 0; k < 100 && (!Files.exists(fd) || Files.readString(fd).isBlank()); k++) {
            Thread.sleep(100);
        }
        display = ":" + Files.readString(fd).strip();
        assertThat(xvfb.isAlive()).as("Xvfb runs").isTrue();
        start(List.of("openbox"), null);
        Thread.sleep(1000);
    }

    @AfterEach
    void stopAll() {
        for (int k = started.size() - 1; k >= 0; k--) {
            Process p = started.get(k);
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void theWindowComesUpAtItsSizeUnderAWindowManagerAndKeepsTheSizeTheUserGaveIt() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        for (int start = 0; start < 2; start++) {
            Process app = launcher(config);
            String window = waitForWindow();
            int[] size = waitForSize(window, 1000, 600);
            // The default: 1400×900 on a 1600×1000 screen (openbox's decorations take a few pixels).
            assertThat(size[0]).as("width at start %d", start).isBetween(1380, 1400);
            assertThat(size[1]).as("height at start %d", start).isBetween(850, 900);
            if (start == 1) {
                // The user makes it smaller, then quits with Ctrl+Q: the next start brings that size back.
                Thread.sleep(1000);
                run("xdotool", "windowsize", "--sync", window, "1100", "700");
                Thread.sleep(500);
                run("xdotool", "windowactivate", "--sync", window, "key", "--clearmodifiers", "ctrl+q");
                assertThat(app.waitFor(20, TimeUnit.SECONDS)).as("the workbench quits on Ctrl+Q").isTrue();
            } else {
                quit(app);
            }
        }
        // The stage's size, the window manager's frame included: a little more than the window's 1100×700.
        com.fasterxml.jackson.databind.JsonNode saved = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(config.resolve("lookaside/workbench.json").toFile()).path("window");
        assertThat(saved.path("width").asInt()).isBetween(1100, 1120);
        assertThat(saved.path("height").asInt()).isBetween(700, 740);
        launcher(config);
        int[] size = waitForSize(waitForWindow(), 1000, 0);
        assertThat(size[0]).as("the width the user gave it").isBetween(1090, 1110);
        assertThat(size[1]).as("the height the user gave it").isBetween(660, 710);
    }

    private Process launcher(Path config) throws IOException {
        return start(List.of(ROOT.resolve("lookaside").toString(), SAMPLE), config);
    }

    private void quit(Process app) throws Exception {
        app.descendants().forEach(ProcessHandle::destroy);
        app.destroy();
        app.waitFor(10, TimeUnit.SECONDS);
        started.remove(app);
        Thread.sleep(500);
    }

    private String waitForWindow() throws Exception {
        for (int k = 0; k < 240; k++) {
            String ids = run("xdotool", "search", "--onlyvisible", "--name", "Lookaside");
            if (!ids.isBlank()) {
                return ids.strip().split("\\s+")[0];
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no Lookaside window within 60 s");
    }

    /** The window's size once it is at least {@code w}×{@code h} or 5 s have passed (the window manager may resize it late). */
    private int[] waitForSize(String window, int w, int h) throws Exception {
        int[] size = {0, 0};
        for (int k = 0; k < 20; k++) {
            Matcher m = SIZE.matcher(run("xwininfo", "-id", window));
            if (m.find()) {
                size = new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
            }
            if (k >= 8 && size[0] >= w && size[1] >= h) {
                break; // 2 s after mapping, and big: the window manager is done with it
            }
            Thread.sleep(250);
        }
        return size;
    }

    private Process start(List<String> command, Path config) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out-" + started.size() + ".log").toFile());
        if (display != null) {
            pb.environment().put("DISPLAY", display);
        }
        if (config != null) {
            pb.environment().put("XDG_CONFIG_HOME", config.toString()); // never the user's preferences
        }
        pb.environment().remove("LOOKASIDE_JAVA_OPTS");
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private String run(String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (display != null) {
            pb.environment().put("DISPLAY", display);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(20, TimeUnit.SECONDS);
        return out;
    }
}
