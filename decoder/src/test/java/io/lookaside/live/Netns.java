package io.lookaside.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A network namespace and a veth pair into it, made for one test and removed after it: names
 * carry this JVM's pid, addresses are a link-local /30 picked at random, so tests of other
 * builds on the same machine do not collide. Nothing is routed off the machine.
 */
final class Netns implements AutoCloseable {
    private static final AtomicInteger SEQ = new AtomicInteger();

    final String name;
    final String hostIf;
    final String nsIf;
    final String hostAddress;
    final String nsAddress;

    Netns() throws IOException, InterruptedException {
        LiveLab.require(LiveLab.which("ip") != null, "ip (iproute2) is not installed");
        int n = SEQ.incrementAndGet();
        long pid = ProcessHandle.current().pid() % 100_000;
        name = "lk" + pid + "n" + n;
        hostIf = "lkh" + pid + "n" + n;
        nsIf = "lkp" + pid + "n" + n;
        int a = ThreadLocalRandom.current().nextInt(1, 255);
        int b = ThreadLocalRandom.current().nextInt(0, 64) * 4;
        hostAddress = "169.254." + a + "." + (b + 1);
        nsAddress = "169.254." + a + "." + (b + 2);
        boolean made = false;
        try {
            ip("netns", "add", name);
            made = true;
            // diod names each client with getnameinfo; without a reachable DNS server inside the
            // namespace that fails (EAI_AGAIN) and diod refuses the client. ip netns exec binds
            // /etc/netns/NAME/hosts over /etc/hosts, so the addresses have names there.
            Files.createDirectories(etc());
            Files.writeString(etc().resolve("hosts"), "127.0.0.1 localhost\n" + hostAddress + " lookaside-host\n"
                    + nsAddress + " lookaside-ns\n");
            ip("link", "add", hostIf, "type", "veth", "peer", "name", nsIf);
            ip("link", "set", nsIf, "netns", name);
            ip("addr", "add", hostAddress + "/30", "dev", hostIf);
            ip("link", "set", hostIf, "up");
            inside("ip", "addr", "add", nsAddress + "/30", "dev", nsIf);
            inside("ip", "link", "set", nsIf, "up");
            inside("ip", "link", "set", "lo", "up");
        } catch (AssertionError | IOException | InterruptedException e) {
            if (made) {
                close();
            }
            LiveLab.require(false, "cannot make a network namespace with a veth pair: " + e.getMessage());
        }
    }

    /** {@code ip netns exec NAME}: the prefix that runs a command inside. */
    List<String> exec() {
        return List.of("ip", "netns", "exec", name);
    }

    void inside(String... cmd) throws IOException, InterruptedException {
        java.util.List<String> all = new java.util.ArrayList<>(exec());
        all.addAll(List.of(cmd));
        check(LiveLab.run(20, all), all);
    }

    static void ip(String... args) throws IOException, InterruptedException {
        java.util.List<String> all = new java.util.ArrayList<>(List.of("ip"));
        all.addAll(List.of(args));
        check(LiveLab.run(20, all), all);
    }

    private static void check(LiveLab.Result r, List<String> cmd) {
        if (r.code() != 0) {
            throw new AssertionError(String.join(" ", cmd) + " failed: " + r.out().strip());
        }
    }

    /** Deletes the host end now (and with it the pair): the interface goes away under a capture. */
    void deleteHostEnd() throws IOException, InterruptedException {
        ip("link", "del", hostIf);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        LiveLab.run(20, "ip", "link", "del", hostIf); // gone already, or goes with the namespace
        LiveLab.run(20, "ip", "netns", "del", name);
        Files.deleteIfExists(etc().resolve("hosts"));
        Files.deleteIfExists(etc());
    }

    private Path etc() {
        return Path.of("/etc/netns", name);
    }
}
