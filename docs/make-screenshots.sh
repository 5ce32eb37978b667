#!/usr/bin/env bash
# Takes the workbench's screenshots in docs/: each perspective without a window manager (the
# window's own picture, -Dlookaside.screenshot) and under openbox (the X screen with the
# window manager's frame, ImageMagick's import). Needs xvfb, openbox, xdotool, imagemagick.
# Preferences go to a temporary XDG_CONFIG_HOME, never the user's.
set -euo pipefail
cd "$(dirname "$0")/.."
cfg="$(mktemp -d)"
trap 'rm -rf "$cfg"' EXIT
none=samples/a-v9fs-busybox-cachenone.pcap.gz
loose=samples/a-v9fs-busybox-cacheloose.pcap.gz
gcc=samples/a-v9fs-gccsplit-srccachenone.pcap.gz
shot() { # OUT TAB ARGS...: the window's own picture, no window manager
  local out="$1" tab="$2"; shift 2
  XDG_CONFIG_HOME="$cfg/plain" LOOKASIDE_JAVA_OPTS="-Dlookaside.screenshot=$out -Dlookaside.screenshot.tab=$tab" \
    timeout 300 xvfb-run -a -s "-screen 0 1600x1000x24" ./lookaside "$@" 2>&1 | grep -v Gdk-WARNING || true
}
shot_wm() { # OUT PERSPECTIVE-BUTTON ARGS...: the screen under openbox, after the captures settle
  local out="$1" button="$2"; shift 2
  ( export XDG_CONFIG_HOME="$cfg/wm"
    Xvfb :77 -screen 0 1600x1000x24 -nolisten tcp & xvfb=$!
    sleep 1; export DISPLAY=:77
    openbox & wm=$!
    sleep 1
    ./lookaside "$@" >/dev/null 2>&1 & app=$!
    for _ in $(seq 120); do sleep 1; xdotool search --onlyvisible --name Lookaside >/dev/null 2>&1 && break; done
    sleep 25   # loading and analysis of the captures
    if [ "$button" != analyze ]; then
      id="$(xdotool search --onlyvisible --name Lookaside | head -n 1)"
      xdotool windowactivate --sync "$id" >/dev/null 2>&1 || true
      # The perspective buttons sit at the right end of the menu bar.
      case "$button" in
        live) xdotool mousemove --window "$id" 1340 12 click 1 ;;
        compare) ;; # --compare took the perspective already
      esac
      sleep 3
    fi
    import -window root "$out"
    kill "$app" "$wm" "$xvfb" 2>/dev/null || true
    wait 2>/dev/null || true )
}
# With arguments, only the named pictures (e.g. compare live-openbox).
want() { [ $# -eq 0 ] || [[ " $* " == *" $name "* ]]; }
run() { name="$1"; shift; if want "${only[@]}"; then "$@"; fi; }
only=("$@")
run main shot docs/screenshot.png messages -Y 'wnames contains missing || ecode == 2' -g 5932 "$none"
run whatif shot docs/screenshot-whatif.png whatif "$gcc"
run analyze shot docs/screenshot-analyze.png messages "$none" "$loose"
run compare shot docs/screenshot-compare.png compare --compare "$none" "$loose"
run live shot docs/screenshot-live.png live "$none"
run analyze-openbox shot_wm docs/screenshot-analyze-openbox.png analyze "$none" "$loose"
run compare-openbox shot_wm docs/screenshot-compare-openbox.png compare --compare "$none" "$loose"
run live-openbox shot_wm docs/screenshot-live-openbox.png live "$none"
