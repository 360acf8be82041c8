#!/usr/bin/env bash
# Times the desktop program on a 100,000-order shop: from launch until the orders view is
# loaded ("usable after", measured inside the program), and the whole run until the window
# is drawn and saved (that includes starting Xvfb), and the program's peak memory (VmHWM).
# usage: gui_startup.sh BUILD_DIR [DB]
set -euo pipefail
build=$1
db=${2:-${TMPDIR:-/tmp}/bench-100k.db}
[[ -f "$db" ]] || "$build/tests/bench/dj_app_bench" "$db" >/dev/null
export HOME
HOME=$(mktemp -d)
start=$(date +%s%N)
xvfb-run -a -s "-screen 0 1280x800x24" "$build/src/app/dianjia" --db "$db" --view orders \
    --screenshot "$HOME/orders.png" 2>/dev/null | grep -E "usable after|peak memory"
end=$(date +%s%N)
echo "window with the orders view drawn: $(( (end - start) / 1000000 )) ms (goals: usable under 1500 ms, peak memory under 200 MB)"
rm -rf "$HOME"
