package io.lookaside.capture.live;

import java.nio.file.Files;
import java.nio.file.Path;

/** The one message for a process that may not capture: what to do about it, in one line. */
final class Permissions {
    private Permissions() {
    }

    /**
     * @param why     libpcap's words
     * @param dumpcap null when there is no dumpcap; otherwise why it could not capture either
     */
    static String message(String iface, String why, String dumpcap) {
        String java = javaBinary();
        return "no permission to capture on " + iface + " (" + why + "): run as root, or grant this Java the capabilities"
                + " (sudo setcap cap_net_raw,cap_net_admin=eip " + java + "), or "
                + (dumpcap == null
                        ? "install Wireshark's dumpcap and allow your user to run it (Debian: dpkg-reconfigure wireshark-common;"
                        + " usermod -aG wireshark $USER), which Lookaside then captures through"
                        : "allow your user to capture with Wireshark's dumpcap (Debian: dpkg-reconfigure wireshark-common;"
                        + " usermod -aG wireshark $USER): " + dumpcap);
    }

    /** The real java binary of this JVM (setcap needs the file, not a symbolic link). */
    static String javaBinary() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try {
            return java.toRealPath().toString();
        } catch (java.io.IOException e) {
            return Files.exists(java) ? java.toString() : "$(readlink -f $(which java))";
        }
    }
}
