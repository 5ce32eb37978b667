#!/usr/bin/env bash
# Side by side: the full headless analysis of Lookaside against tshark on the same capture,
# and Lookaside's throughput against reading the file from the page cache.
#
#   bench/compare.sh [SIZE_MB] [SAMPLE]
#
# Builds bench/out/replay-SIZE_MB.pcap by replaying SAMPLE (default: the busybox cache=none
# sample) with shifted ports and timestamps (bench/replay_capture.py), warms the page cache,
# then times, each on the same file:
#   cat FILE > /dev/null
#   ./lookaside report FILE --format json --out bench/out/report.json --force
#       (until the report command exists: ./lookaside decode FILE --format jsonl > /dev/null)
#   tshark -n -r FILE -Y 9p -T fields -e 9p.msgtype -e 9p.tag -e 9p.fid > bench/out/tshark.txt
# and prints wall-clock and CPU (user + system) seconds, and the ratios. cat and Lookaside run
# RUNS times (default 3) and the fastest run counts; tshark runs TSHARK_RUNS times (default 1).
# The JVM gets LOOKASIDE_JAVA_OPTS (default: none, i.e. the JVM's default heap) through
# JAVA_TOOL_OPTIONS. Needs python3, tshark, a JDK 17 and Maven (the launcher builds on first use).
set -euo pipefail
shopt -s inherit_errexit
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mb="${1:-1000}"
sample="${2:-$here/samples/a-v9fs-busybox-cachenone.pcap.gz}"
runs="${RUNS:-3}"
tshark_runs="${TSHARK_RUNS:-1}"
out="$here/bench/out"
mkdir -p "$out"
cap="$out/replay-${size_mb}MB.pcap"
[ -f "$cap" ] || python3 "$here/bench/replay_capture.py" "$sample" "$cap" --target-bytes $((size_mb * 1000000))
command -v tshark > /dev/null || { echo "compare.sh: tshark is needed (apt-get install tshark)" >&2; exit 1; }

"$here/lookaside" --version > /dev/null   # builds on first use, outside the timings
if "$here/lookaside" --help | grep -qE '^ +report '; then
  lookaside=("$here/lookaside" report "$cap" --format json --out "$out/report.json" --force)
  what="report: read, reassemble, decode, correlate, lifecycles, every what-if model, findings, JSON"
else
  lookaside=("$here/lookaside" decode "$cap" --format jsonl)
  what="decode --format jsonl (this build has no report command yet)"
fi
export JAVA_TOOL_OPTIONS="${LOOKASIDE_JAVA_OPTS:-}"
[ -n "$JAVA_TOOL_OPTIONS" ] || unset JAVA_TOOL_OPTIONS

# "wall user sys" seconds of one run of "$@" (stdout to $TIMED_OUT, stderr to a log).
timed() {
  local TIMEFORMAT='%R %U %S' t
  t=$( { time "$@" > "${TIMED_OUT:-/dev/null}" 2>> "$out/compare.log"; } 2>&1 ) \
    || { echo "compare.sh: failed: $* (see $out/compare.log)" >&2; return 1; }
  echo "$t"
}

# The fastest of N runs, by wall-clock time.
best_of() {
  local n=$1 best="" t
  shift
  for _ in $(seq "$n"); do
    t=$(timed "$@")
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { split(a, x, " "); split(b, y, " "); exit !(x[1] < y[1]) }'; then
      best=$t
    fi
  done
  echo "$best"
}

: > "$out/compare.log"
cat "$cap" > /dev/null   # page cache warm for everyone
t_cat=$(best_of "$runs" cat "$cap")
t_la=$(best_of "$runs" "${lookaside[@]}")
t_ts=$(TIMED_OUT="$out/tshark.txt" best_of "$tshark_runs" tshark -n -r "$cap" -Y 9p -T fields -e 9p.msgtype -e 9p.tag -e 9p.fid)

bytes=$(stat -L -c %s "$cap")
msgs=$(awk -F'\t' '{ n += split($1, t, ",") } END { print n + 0 }' "$out/tshark.txt")
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
echo "machine:   $(nproc) cores ($cpu), $(java -version 2>&1 | head -n 1), $(tshark --version 2>/dev/null | head -n 1)"
echo "capture:   $(basename "$cap"): $bytes bytes, $msgs 9P messages (tshark's count)"
echo "heap:      ${LOOKASIDE_JAVA_OPTS:-JVM default}"
awk -v cat="$t_cat" -v la="$t_la" -v ts="$t_ts" -v bytes="$bytes" -v what="$what" 'BEGIN {
  split(cat, c, " "); split(la, l, " "); split(ts, t, " ");
  printf "%-10s %9s %9s %10s\n", "", "wall s", "cpu s", "MB/s";
  printf "%-10s %9.2f %9.2f %10.1f\n", "cat", c[1], c[2] + c[3], bytes / c[1] / 1e6;
  printf "%-10s %9.2f %9.2f %10.1f   (%s)\n", "lookaside", l[1], l[2] + l[3], bytes / l[1] / 1e6, what;
  printf "%-10s %9.2f %9.2f %10.1f   (-Y 9p -T fields -e 9p.msgtype -e 9p.tag -e 9p.fid)\n", "tshark", t[1], t[2] + t[3], bytes / t[1] / 1e6;
  printf "tshark / lookaside = %.1fx wall, %.1fx cpu    lookaside / cat = %.1fx wall\n",
    t[1] / l[1], (t[2] + t[3]) / (l[2] + l[3]), l[1] / c[1];
}'
