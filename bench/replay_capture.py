#!/usr/bin/env python3
"""Build a large capture by replaying a real sample many times.

Each replica keeps every byte of the sample's frames but shifts the client's TCP port and all
timestamps, so connections stay distinct and time moves forward; the TCP checksum is adjusted
for the new port (the IPv4 header does not change). Input: a classic pcap (optionally .gz) with Ethernet/IPv4/TCP frames, like the
samples. Output: a classic pcap (nanosecond or microsecond, as the input).

usage: replay_capture.py SAMPLE OUT --target-bytes N
"""
import argparse
import gzip
import struct
import sys


def read_pcap(path):
    opener = gzip.open if open(path, 'rb').read(2) == b'\x1f\x8b' else open
    with opener(path, 'rb') as f:
        data = f.read()
    magic = struct.unpack('<I', data[:4])[0]
    if magic not in (0xA1B2C3D4, 0xA1B23C4D):
        sys.exit(f'{path}: not a little-endian classic pcap')
    nano = magic == 0xA1B23C4D
    header = data[:24]
    linktype = struct.unpack('<I', data[20:24])[0]
    if linktype != 1:
        sys.exit(f'{path}: link type {linktype}; this tool replays Ethernet captures')
    frames = []
    at = 24
    while at + 16 <= len(data):
        sec, frac, incl, orig = struct.unpack('<IIII', data[at:at + 16])
        frames.append((sec, frac, data[at + 16:at + 16 + incl], orig))
        at += 16 + incl
    return header, nano, frames


def fold(s):
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return s


def adjust(check, old, new):
    """RFC 1624 eqn. 3: the checksum after one 16-bit word changed from old to new."""
    return (~fold((~check & 0xFFFF) + (~old & 0xFFFF) + new)) & 0xFFFF


def shift_frame(frame, port_shift, server_ports):
    """Shift the non-server TCP port of an Ethernet/IPv4/TCP frame; other frames pass unchanged.

    The TCP checksum is adjusted for the changed port (RFC 1624), so a frame whose checksum was
    right stays right and one the capture saw offloaded (zero or partial) stays as it was.
    """
    if len(frame) < 54 or frame[12:14] != b'\x08\x00' or frame[23] != 6:
        return frame
    ihl = (frame[14] & 0x0F) * 4
    t = 14 + ihl
    if len(frame) < t + 18:
        return frame
    sport, dport = struct.unpack_from('!HH', frame, t)
    if dport in server_ports:
        at, old = t, sport
    elif sport in server_ports:
        at, old = t + 2, dport
    else:
        return frame
    new = (old - 1024 + port_shift) % 64000 + 1024
    b = bytearray(frame)
    struct.pack_into('!H', b, at, new)
    check = struct.unpack_from('!H', b, t + 16)[0]
    struct.pack_into('!H', b, t + 16, adjust(check, old, new))
    return bytes(b)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('sample')
    ap.add_argument('out')
    ap.add_argument('--target-bytes', type=int, required=True, help='stop after the replica that reaches this size')
    ap.add_argument('--server-port', type=int, action='append', default=None, help='9P server port(s), default 564')
    args = ap.parse_args()
    server_ports = set(args.server_port or [564])
    header, nano, frames = read_pcap(args.sample)
    unit = 1_000_000_000 if nano else 1_000_000
    first = frames[0][0] * unit + frames[0][1]
    last = frames[-1][0] * unit + frames[-1][1]
    span = last - first + unit  # one second between replicas
    written = 24
    replica = 0
    with open(args.out, 'wb') as out:
        out.write(header)
        while written < args.target_bytes:
            shift_t = replica * span
            chunk = []
            for sec, frac, data, orig in frames:
                t = sec * unit + frac + shift_t
                d = shift_frame(data, replica * 7, server_ports)
                chunk.append(struct.pack('<IIII', t // unit, t % unit, len(d), orig))
                chunk.append(d)
                written += 16 + len(d)
            out.write(b''.join(chunk))
            replica += 1
    print(f'{args.out}: {replica} replicas of {len(frames)} frames, {written} bytes', file=sys.stderr)


if __name__ == '__main__':
    main()
