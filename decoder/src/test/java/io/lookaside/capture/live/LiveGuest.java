package io.lookaside.capture.live;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The small QEMU guest of samples/lab/l0_live_guest.sh (Debian's kernel, a busybox initramfs
 * that mounts 9P, runs live-wl.sh and powers off). The recipe is run once per JVM; it is
 * idempotent and quick once its work/ folder is filled.
 */
public final class LiveGuest {
    private static Path kernel;
    private static Path initrd;

    private LiveGuest() {
    }

    public static synchronized void prepare() throws Exception {
        LiveTests.requireRoot();
        LiveTests.requireProgram("qemu-system-x86_64");
        if (kernel != null) {
            return;
        }
        String out = LiveTests.run(600, "bash", LiveTests.lab().resolve("l0_live_guest.sh").toString()).strip();
        String[] last = out.substring(out.lastIndexOf('\n') + 1).split(" ");
        kernel = Path.of(last[0]);
        initrd = Path.of(last[1]);
        if (!Files.exists(kernel) || !Files.exists(initrd)) {
            throw new AssertionError("l0_live_guest.sh did not make the guest: " + out);
        }
    }

    /**
     * The QEMU command line: TCG, because nested KVM hung on the lab machines (and the guest's
     * run is a few seconds of busybox); no reboot, serial console on stdout.
     */
    public static List<String> qemu(String append, String... devices) {
        List<String> cmd = new ArrayList<>(List.of("qemu-system-x86_64", "-accel", "tcg", "-m", "256", "-smp", "1",
                "-nographic", "-no-reboot", "-nodefaults", "-serial", "stdio", "-kernel", kernel.toString(),
                "-initrd", initrd.toString(), "-append", "console=ttyS0 quiet panic=-1 " + append));
        cmd.addAll(List.of(devices));
        return cmd;
    }

    /** Runs QEMU until the guest powers off (bounded), returning its console output. */
    public static String boot(List<String> cmd, Path console, int seconds) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(console.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                throw new AssertionError("the guest did not power off in " + seconds + " s: "
                        + Files.readString(console));
            }
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        return Files.readString(console);
    }
}
