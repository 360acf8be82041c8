#!/usr/bin/env bash
# GUI smoke test of one view: start dianjia on the demo shop under Xvfb, let it save a
# screenshot once drawn, and check the PNG is not blank.  usage: run_view.sh APP CHECKER DB VIEW LANG OUT
set -euo pipefail
app=$1 checker=$2 db=$3 view=$4 lang=$5 out=$6
export HOME
HOME=$(mktemp -d)
trap 'rm -rf "$HOME"' EXIT
rm -f "$out"
timeout 60 xvfb-run -a -s "-screen 0 1280x800x24" \
    "$app" --db "$db" --view "$view" --lang "$lang" --screenshot "$out" 2>"$out.log" || {
    echo "dianjia exited with $?"; cat "$out.log"; exit 1; }
"$checker" "$out"
