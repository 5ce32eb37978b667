#!/usr/bin/env bash
# Side by side: the full headless analysis of Lookaside against tshark on the same capture,
# and Lookaside's throughput against reading the file from the page cache.
#
#   bench/compare.sh [SIZE_MB] [SAMPLE]
#
# Builds bench/out/replay-SIZE.pcap by replaying SAMPLE (default: the busybox cache=none
# sample) with shifted ports and timestamps, then times, each after a warm-up read:
#   cat FILE > /dev/null
#   tshark -r FILE -Y 9p -T fields -e 9p.msgtype -e 9p.tag -e 9p.fid > /dev/null
#   ./lookaside report FILE --format json --out bench/out/report.json --force
# and prints the times and the ratios.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mb="${1:-200}"
sample="${2:-$here/samples/a-v9fs-busybox-cachenone.pcap.gz}"
out="$here/bench/out"
mkdir -p "$out"
cap="$out/replay-${size_mb}MB.pcap"
[ -f "$cap" ] || python3 "$here/bench/replay_capture.py" "$sample" "$cap" --target-bytes $((size_mb * 1000000))

seconds() { local s e; s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N); echo "$e - $s" | bc -l; }

"$here/lookaside" --version > /dev/null   # builds on first use, outside the timings
cat "$cap" > /dev/null                       # page cache warm for everyone

t_cat=$(seconds cat "$cap")
t_la=$(seconds "$here/lookaside" report "$cap" --format json --out "$out/report.json" --force)
t_ts=$(seconds tshark -n -r "$cap" -Y 9p -T fields -e 9p.msgtype -e 9p.tag -e 9p.fid)
bytes=$(stat -c %s "$cap")
msgs=$(tshark -n -r "$cap" -Y 9p -T fields -e 9p.msgtype -E occurrence=a -E aggregator=/s 2>/dev/null | wc -w)

printf 'capture:    %s (%d bytes, %d 9P messages, %d cores, %s)\n' "$(basename "$cap")" "$bytes" "$msgs" "$(nproc)" "$(java -version 2>&1 | head -n 1)"
printf 'cat:        %8.2f s  %8.1f MB/s\n' "$t_cat" "$(echo "$bytes / $t_cat / 1000000" | bc -l)"
printf 'lookaside:  %8.2f s  %8.1f MB/s  (report: read, reassemble, decode, correlate, lifecycles, what-if, findings, JSON)\n' "$t_la" "$(echo "$bytes / $t_la / 1000000" | bc -l)"
printf 'tshark:     %8.2f s  %8.1f MB/s  (-Y 9p -T fields -e 9p.msgtype -e 9p.tag -e 9p.fid)\n' "$t_ts" "$(echo "$bytes / $t_ts / 1000000" | bc -l)"
printf 'tshark / lookaside = %.1fx    lookaside / cat = %.1fx\n' "$(echo "$t_ts / $t_la" | bc -l)" "$(echo "$t_la / $t_cat" | bc -l)"
