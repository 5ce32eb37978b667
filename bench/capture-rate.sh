#!/usr/bin/env bash
# The highest 9P rate the loopback setup drives, captured live: messages per second and drops.
#
#   bench/capture-rate.sh [SECONDS] [THREADS]
#
# Starts diod on a free port of 127.0.0.1 exporting a temporary directory, starts
#   ./lookaside capture --interface lo --port PORT --write bench/out/capture-rate.pcapng --force
# waits for its first status line, runs diod's getattr storm
#   diodload -s 127.0.0.1:PORT -g -r SECONDS -n THREADS      (default 5 s, 16 threads)
# stops the capture with SIGTERM once diodload is done (a background command of a script
# ignores SIGINT), and prints diodload's own figure, the
# messages the capture decoded per second of load, and the capture's totals line (drops
# included). Each diodload op is one Tgetattr and one Rgetattr: two messages. Needs root (or
# the capabilities), diod, and what the launcher needs to build.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-5}"
threads="${2:-16}"
out="$here/bench/out"
mkdir -p "$out"
export_dir="$(mktemp -d)"
err="$out/capture-rate.stderr"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
diod -f -n -c /dev/null -l "127.0.0.1:$port" -e "$export_dir" -e ctl 2> /dev/null &
diod_pid=$!
capture_pid=
cleanup() {
  [ -n "$capture_pid" ] && kill "$capture_pid" 2> /dev/null || true
  kill "$diod_pid" 2> /dev/null || true
  rm -rf "$export_dir"
}
trap cleanup EXIT
rm -f "$err" # the wait below must not see the status lines of a run before
"$here/lookaside" capture --interface lo --port "$port" --write "$out/capture-rate.pcapng" --force 2> "$err" &
capture_pid=$!
for _ in $(seq 1 600); do
  grep -q '^capture: ' "$err" 2> /dev/null && break
  kill -0 "$capture_pid" 2> /dev/null || { cat "$err" >&2; exit 1; }
  sleep 0.1
done
load="$(timeout $((seconds + 30)) diodload -s "127.0.0.1:$port" -g -r "$seconds" -n "$threads" 2>&1 | tail -n 1)"
sleep 0.5
kill -TERM "$capture_pid"
wait "$capture_pid" || { echo "capture-rate.sh: the capture exited with $?" >&2; cat "$err" >&2; exit 1; }
capture_pid=
totals="$(tail -n 1 "$err")"
messages="$(sed -E 's/^captured ([0-9]+) messages.*/\1/' <<< "$totals")"
echo "$load"
echo "captured: $((messages / seconds)) messages/s over the ${seconds} s of load ($messages messages)"
echo "$totals"
