#!/bin/bash
# d1_linktypes_capture.sh - recipe D: small real captures for the capture layer's link
# types, containers and detection rules (the A-C captures are all Ethernet-framed pcap on
# lo). Everything runs in a private network namespace that has only its own lo, so the
# captures hold nothing but the traffic made here.
#
#   d-diod-any-sll2.pcap.gz      tcpdump -i any -y LINUX_SLL2 (pcap, link type 276):
#                                diod on 127.0.0.1:564 and [::1]:564; diodls over IPv4,
#                                diodcat over IPv6 (real IPv6 9P traffic)
#   d-diod-any-sll-5640.pcapng.gz dumpcap -i any -y LINUX_SLL (pcapng, link type 113):
#                                diod on the non-standard port 5640 (9P recognised by its
#                                Tversion/Rversion exchange), msize 8192 so big files need
#                                many Rreads
#   d-http-lo.pcap.gz            tcpdump -i lo (pcap, Ethernet): python3 -m http.server on
#                                127.0.0.1:8000, curl fetches text and 100 KiB of random
#                                bytes: real non-9P traffic that must not decode as 9P
# Output: captures/NAME + NAME.txt (beside the recipes). Idempotent.
. "$(dirname "$0")/common.sh"
if [ -z "${LAB_PRIVATE_NET:-}" ]; then
  export LAB_PRIVATE_NET=1 LAB_PRIVATE_NS=1
  exec unshare --net --mount --uts --propagation private bash "$0" "$@"
fi
hostname localhost
ip link set lo up
# diod and its clients resolve the IPv6 loopback by name; the namespace gets its own hosts file.
printf '127.0.0.1 localhost\n::1 ip6-localhost\n' > "$WORK/d-hosts"
mount --bind "$WORK/d-hosts" /etc/hosts
need diod diod; need tcpdump tcpdump; need dumpcap tshark; need curl curl

bash "$SCRIPTS/b0_fuse_tree.sh" "$WORK/d-export"
E=$EXPORT_TREE
trap cleanup_all EXIT
bind_at "$WORK/d-export" "$E"

# start_capture FILE CMD... : run a capture tool until stop_capture; wait until it listens
start_capture() {
  local f=$1; shift
  rm -f "$f" "$f.gz"
  bg_start "$f.log" "$@"
  CAP_PID=$BG_LAST
  for _ in $(seq 50); do grep -qi 'listening on\|capturing on' "$f.log" 2>/dev/null && break; sleep 0.1; done
  sleep 0.5
}
# the capture tool's own statistics (packets captured / dropped by kernel) go into the sidecar
stop_capture() { sleep 1.5; bg_stop "$CAP_PID" INT; grep -i 'packets\|dropped' "$1.log" > "$1.stats" || true; rm -f "$1.log"; }
sidecar() {  # sidecar NAME HOW...
  local name=$1; shift
  { echo "$name.gz (gzip -9 -n) - made by samples/lab/d1_linktypes_capture.sh in a private network namespace (only lo)"
    printf '%s\n' "$@"
    echo "tools:     diod $(dpkg-query -W -f='${Version}' diod), tcpdump $(dpkg-query -W -f='${Version}' tcpdump), dumpcap $(dpkg-query -W -f='${Version}' tshark), curl $(dpkg-query -W -f='${Version}' curl), $(python3 --version)"
    echo "capture tool said:"; sed 's/^/  /' "$CAPS/$name.stats"; rm -f "$CAPS/$name.stats"
    echo "capinfos:"; (cd "$CAPS" && capinfos -t -E -c -l "$name") | sed 's/^/  /'
    echo "tshark: frames with 9p: $(tshark -n -r "$CAPS/$name" -Y 9p 2>/dev/null | wc -l), 9P PDUs: $(tshark -n -r "$CAPS/$name" -Y 9p -T fields -e 9p.msgtype -E occurrence=a -E aggregator=' ' 2>/dev/null | wc -w)"
    echo "tshark 9p.msgtype histogram (count code):"
    tshark -n -r "$CAPS/$name" -Y 9p -T fields -e 9p.msgtype -E occurrence=a -E aggregator=' ' 2>/dev/null | tr ' ' '\n' | grep . | sort -n | uniq -c || true
    echo "tshark conversations:"; tshark -n -r "$CAPS/$name" -q -z conv,tcp 2>/dev/null | sed -n '6,20p' | sed 's/^/  /'
  } > "$CAPS/${name%%.*}.txt"
}

# 1. -i any as SLL2, IPv4 and IPv6, port 564
N1=d-diod-any-sll2.pcap
bg_start "$WORK/d1.diod.log" diod -f -n -c /dev/null -L stderr -l 127.0.0.1:564 -l ip6-localhost:564 -e "$E"
DIOD=$BG_LAST
wait_port 127.0.0.1 564
start_capture "$CAPS/$N1" tcpdump -i any -y LINUX_SLL2 -s 0 -U --immediate-mode -w "$CAPS/$N1" tcp port 564
diodls -s 127.0.0.1:564 -a "$E" > /dev/null
diodcat -s ip6-localhost:564 -a "$E" etc/hosts src/unit1.c include/proj-1.0/proj.h > /dev/null
stop_capture "$CAPS/$N1"
bg_stop "$DIOD"
sidecar "$N1" \
  "capture:   tcpdump -i any -y LINUX_SLL2 -s 0 -U --immediate-mode 'tcp port 564' (classic pcap, link type 276 LINUX_SLL2)" \
  "server:    diod -f -n -l 127.0.0.1:564 -l ip6-localhost:564 -e $E ($E = the small tree of b0_fuse_tree.sh)" \
  "clients:   diodls -s 127.0.0.1:564 -a $E ; diodcat -s ip6-localhost:564 -a $E etc/hosts src/unit1.c include/proj-1.0/proj.h" \
  "protocol:  9P2000.L, one TCP connection over IPv4 and one over IPv6 ([::1])"

# 2. -i any as SLL in pcapng (dumpcap), non-standard port 5640
N2=d-diod-any-sll-5640.pcapng
bg_start "$WORK/d2.diod.log" diod -f -n -c /dev/null -L stderr -l 127.0.0.1:5640 -e "$E"
DIOD=$BG_LAST
wait_port 127.0.0.1 5640
start_capture "$CAPS/$N2" dumpcap -q -i any -y LINUX_SLL -s 0 -f 'tcp port 5640' -w "$CAPS/$N2"
diodls -l -s 127.0.0.1:5640 -a "$E" etc > /dev/null
diodcat -s 127.0.0.1:5640 -m 8192 -a "$E" etc/passwd etc/group src/unit2.c > /dev/null
stop_capture "$CAPS/$N2"
bg_stop "$DIOD"
sidecar "$N2" \
  "capture:   dumpcap -i any -y LINUX_SLL -s 0 -f 'tcp port 5640' (pcapng, link type 113 LINUX_SLL)" \
  "server:    diod -f -n -l 127.0.0.1:5640 -e $E (a non-standard port: 9P is recognised by the Tversion/Rversion exchange; tshark needs -d tcp.port==5640,9p)" \
  "clients:   diodls -l -s 127.0.0.1:5640 -a $E etc ; diodcat -s 127.0.0.1:5640 -m 8192 -a $E etc/passwd etc/group src/unit2.c" \
  "protocol:  9P2000.L, two TCP connections over IPv4"
{ echo "tshark with -d tcp.port==5640,9p: 9P PDUs: $(tshark -n -r "$CAPS/$N2" -d tcp.port==5640,9p -Y 9p -T fields -e 9p.msgtype -E occurrence=a -E aggregator=' ' 2>/dev/null | wc -w)"
  echo "tshark 9p.msgtype histogram with -d tcp.port==5640,9p (count code):"
  tshark -n -r "$CAPS/$N2" -d tcp.port==5640,9p -Y 9p -T fields -e 9p.msgtype -E occurrence=a -E aggregator=' ' 2>/dev/null | tr ' ' '\n' | grep . | sort -n | uniq -c
} >> "$CAPS/${N2%%.*}.txt"

# 3. real non-9P traffic: HTTP on loopback
N3=d-http-lo.pcap
mkdir -p "$WORK/d-www"
printf 'hello over http\n' > "$WORK/d-www/hello.txt"
head -c 102400 /dev/urandom > "$WORK/d-www/random.bin"
bg_start "$WORK/d3.http.log" python3 -m http.server 8000 --bind 127.0.0.1 --directory "$WORK/d-www"
HTTPD=$BG_LAST
wait_port 127.0.0.1 8000
start_capture "$CAPS/$N3" tcpdump -i lo -s 0 -U --immediate-mode -w "$CAPS/$N3" tcp
curl -s http://127.0.0.1:8000/ > /dev/null
curl -s http://127.0.0.1:8000/hello.txt > /dev/null
curl -s http://127.0.0.1:8000/random.bin > /dev/null
curl -s http://127.0.0.1:8000/missing > /dev/null || true
stop_capture "$CAPS/$N3"
bg_stop "$HTTPD"
sidecar "$N3" \
  "capture:   tcpdump -i lo -s 0 -U --immediate-mode tcp (classic pcap, Ethernet)" \
  "server:    python3 -m http.server 8000 --bind 127.0.0.1 (a directory with hello.txt and random.bin, 100 KiB from /dev/urandom)" \
  "clients:   curl http://127.0.0.1:8000/ ; /hello.txt ; /random.bin ; /missing (404)" \
  "protocol:  HTTP/1.0 responses over 4 TCP connections: no 9P at all"

cleanup_all; trap - EXIT
for n in "$N1" "$N2" "$N3"; do compress "$CAPS/$n"; done
cat "$CAPS/${N1%%.*}.txt" "$CAPS/${N2%%.*}.txt" "$CAPS/${N3%%.*}.txt"
