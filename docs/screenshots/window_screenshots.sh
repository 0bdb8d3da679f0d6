#!/bin/bash
# The real window as a user sees it, under Xvfb: every stage at 1024x640 (a school laptop) and in
# 1440x880, and in presentation mode (F5, at a projector) at both sizes. Needs Xvfb, xdotool and imagemagick.
#
#   docs/screenshots/window_screenshots.sh [DISPLAY_NUMBER]     (default 101)
#   ONLY="block attention" docs/screenshots/window_screenshots.sh 101    (only those stages' pictures)
#
# Writes docs/screenshots/window-<stage>.png (1440x880), small-<stage>.png (1024x640),
# presentation-<stage>.png (1440x880) and small-presentation-<stage>.png. Fresh preferences each run
# (XDG_CONFIG_HOME / XDG_DATA_HOME in a temporary folder), the shipped model, the prompt typed with
# xdotool, stages chosen with Ctrl+1..9 (then Ctrl+PgDown) in app.explore.stages.STAGES order, presentation mode toggled with F5 (on, off, on).
set -euo pipefail
NUM=${1:-101}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
read -r -a STAGES <<< "$(cd "$ROOT" && .venv/bin/python -c 'from app.explore.stages import STAGES; print(*STAGES)')"
ONLY=${ONLY:-}
PROMPT="ROMEO: But soft, what light through yonder window breaks? It is the east, and Juliet is the"
export DISPLAY=:$NUM
Xvfb "$DISPLAY" -screen 0 1440x880x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
sleep 1

run() {  # run MODE WIDTH HEIGHT
    local mode=$1 w=$2 h=$3 tmp app wid i
    tmp=$(mktemp -d)
    mkdir -p "$tmp/config/LM Anatomy"  # the first launch's tour offer would cover the stage
    printf '[General]\nsettings_version=1\n[tour]\noffered=true\n' > "$tmp/config/LM Anatomy/lm-anatomy.conf"
    XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data "$ROOT/.venv/bin/lm-anatomy" >"$tmp/log" 2>&1 &
    app=$!
    wid=""
    for _ in $(seq 1 120); do
        wid=$(xdotool search --name "LM Anatomy" 2>/dev/null | head -1 || true)
        [ -n "$wid" ] && break
        sleep 0.5
    done
    sleep 6  # the model loads
    xdotool windowmove "$wid" 0 0
    xdotool windowsize "$wid" "$w" "$h"
    sleep 1
    xdotool mousemove 300 70 click 1
    sleep 0.3
    xdotool type --delay 15 "$PROMPT"
    sleep 3
    if [ "$mode" = presentation ] || [ "$mode" = small-presentation ]; then
        xdotool key F5; sleep 2; xdotool key F5; sleep 2; xdotool key F5; sleep 3
    fi
    i=1
    for s in "${STAGES[@]}"; do
        if [ -z "$ONLY" ] || [[ " $ONLY " == *" $s "* ]]; then
            if [ "$i" -le 9 ]; then xdotool key "ctrl+$i"; else xdotool key ctrl+9; for _ in $(seq 10 "$i"); do xdotool key ctrl+Next; done; fi
            sleep 3
            import -window root -crop "${w}x${h}+0+0" +repage "$HERE/$mode-$s.png"
        fi
        i=$((i + 1))
    done
    xdotool key ctrl+q
    sleep 2
    kill "$app" 2>/dev/null || true
    rm -rf "$tmp"
}

run window 1440 880
run small 1024 640
run presentation 1440 880
run small-presentation 1024 640
