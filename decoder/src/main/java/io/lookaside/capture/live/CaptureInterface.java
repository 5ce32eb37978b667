package io.lookaside.capture.live;

import java.util.List;

/**
 * An interface live capture can listen on.
 *
 * @param name         as libpcap names it ({@code lo}, {@code tap0}, {@code vnet3}, {@code virbr0}, {@code any})
 * @param description  libpcap's description, or "" when it has none
 * @param addresses    its IP addresses, numeric
 * @param linkType     the link-layer header type its packets will have (a DLT_ value), -1 when unknown
 * @param linkTypeName that type in words ("Ethernet", "VSOCK (vsockmon)")
 * @param loopback     a loopback interface
 * @param up           administratively up
 */
public record CaptureInterface(String name, String description, List<String> addresses, int linkType,
                               String linkTypeName, boolean loopback, boolean up) {
    public CaptureInterface {
        addresses = List.copyOf(addresses);
    }
}
