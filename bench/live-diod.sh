#!/usr/bin/env bash
# Real 9P traffic for live capture demos and measurements, on loopback only: diod on
# 127.0.0.1 at a free port exporting a small temporary tree, and its userspace clients.
# Usage (as root, diod installed):
#   bench/live-diod.sh screenshot PNG        a screenshot of the workbench capturing live on lo (xvfb-run)
#   bench/live-diod.sh timing SECONDS [N]    LiveCaptureTiming: diodload -g with N threads (default 4)
#                                            for SECONDS against a live capture in the workbench
# Everything it starts is bounded by timeout and stopped on exit.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:?usage: live-diod.sh screenshot PNG | timing SECONDS [THREADS]}"
work="$(mktemp -d /tmp/lookaside-live-diod.XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/export/etc" "$work/export/src"
echo "127.0.0.1 localhost" > "$work/export/etc/hosts"
for i in $(seq 1 20); do echo "int f$i(void) { return $i; }" > "$work/export/src/unit$i.c"; done
head -c 262144 /dev/zero > "$work/export/blob"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
timeout 600 /usr/sbin/diod -f -n -c /dev/null -L stderr -l "127.0.0.1:$port" -e "$work/export" -e ctl 2>"$work/diod.log" &
pids+=($!)
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
S="127.0.0.1:$port" E="$work/export"

browse() {  # a few dozen messages of every kind: walks, getattrs, reads, ENOENT, readdir
  diodls -l -s "$S" -a "$E" etc src >/dev/null 2>&1 || true
  diodcat -s "$S" -a "$E" etc/hosts src/unit1.c src/unit7.c blob >/dev/null 2>&1 || true
  diodcat -s "$S" -a "$E" include/missing.h >/dev/null 2>&1 || true
}

cp_file="$here/app/target/cp.txt"
(cd "$here" && mvn -B -o -q -pl app -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
   -Dmdep.includeScope=test | grep -E "ERROR" >&2 || true)
cp="$here/app/target/test-classes:$here/app/target/classes:$(cat "$cp_file")"
case "$mode" in
  screenshot)
    png="$(realpath -m "${2:?PNG}")"
    # a getattr burst, then a steady mix of listings, reads and missing files
    ( timeout 5 diodload -s "$S" -n 1 -r 1 -g >/dev/null 2>&1 || true
      end=$((SECONDS + 30)); while [ $SECONDS -lt $end ]; do browse; done ) &
    pids+=($!)
    timeout 120 xvfb-run -a -s "-screen 0 1400x900x24" java -cp "$cp" -Dlookaside.screenshot="$png" \
      -Dlookaside.screenshot.live=lo -Dlookaside.screenshot.live.port="$port" -Dlookaside.screenshot.live.seconds=10 \
      -Dlookaside.screenshot.tab="${TAB:-messages}" io.lookaside.app.workbench.Launcher
    ;;
  timing)
    seconds="${2:?SECONDS}" threads="${3:-4}"
    timeout $((seconds + 120)) xvfb-run -a -s "-screen 0 1400x900x24" java ${JAVA_OPTS:-} -cp "$cp" \
      io.lookaside.app.workbench.LiveCaptureTiming lo "$port" "$seconds" "$threads" "$S"
    ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac
