#!/usr/bin/env bash
# Redraws dianjia.ico (committed): 店 in white on the brand red, 16 to 256 px. Needs imagemagick
# and fonts-wqy-zenhei.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
convert -size 256x256 xc:none -fill '#C8102E' -draw 'roundrectangle 8,8 247,247 44,44' \
    -font /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc -pointsize 190 -fill white \
    -gravity center -annotate +0+8 '店' "$tmp/dianjia.png"
convert "$tmp/dianjia.png" -define icon:auto-resize=256,64,48,32,16 "$here/dianjia.ico"
