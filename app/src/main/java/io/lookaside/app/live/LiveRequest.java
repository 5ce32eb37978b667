package io.lookaside.app.live;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the Capture dialog asks for: the interface, the BPF filter, when to stop by itself, and
 * where to write.
 *
 * @param interfaceName the interface to listen on ({@code lo}, {@code tap0}, {@code vnet3}, …)
 * @param filter        the BPF filter, empty for every packet
 * @param port          a TCP port to decode as 9P besides 564, or 0
 * @param duration      stop after this long, or null
 * @param messages      stop after this many messages, or 0
 * @param output        the file written (pcapng unless it ends in {@code .pcap})
 * @param overwrite     the user agreed to replace {@code output} if it exists
 * @param ringFiles     keep at most this many files of {@code ringSizeMb} each, or 0 for one file
 * @param ringSizeMb    the size of each ring file in MB
 */
public record LiveRequest(String interfaceName, String filter, int port, Duration duration, long messages, Path output,
                          boolean overwrite, int ringFiles, int ringSizeMb) {
}
