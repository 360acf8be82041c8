#!/usr/bin/env bash
# Runs the packaged Windows programs under wine64 in Xvfb, from the portable zip's folder and
# with the shop in a folder named in Chinese:
#   dianjia-cli.exe demo              creates the demo shop
#   dianjia-cli.exe wave create       plans a wave
#   dianjia-cli.exe print labels      writes the wave's labels; pdftotext must read their Chinese
#   dianjia-cli.exe --db postgresql://dj@127.0.0.1:1/shop stats
#                                     libpq is in: no server there, so it fails saying it cannot
#                                     connect to that server (not that the build lacks PostgreSQL)
#   dianjia-cli.exe --db postgresql://dj@127.0.0.1:1/shop?sslmode=require stats
#                                     the same error: libpq has TLS (without it, it refuses the
#                                     sslmode before trying the server)
#   dianjia-cli.exe server forget     the Credential Manager answers: no password kept there
#   dianjia.exe --screenshot          the orders view, saved as a PNG that must not be blank
# Usage: installer/windows/smoke.sh [ZIP]   (default: the zip in build-win/app)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
win="$root/build-win"
zip=${1:-$(compgen -G "$win/app/Dianjia-*-win64.zip" | head -1)}
[[ -f "$zip" ]] || { echo "smoke: no zip (run installer/build.sh windows)" >&2; exit 1; }

export WINEPREFIX="$win/wineprefix" WINEARCH=win64 WINEDEBUG=-all
# No Mono or Gecko download prompts: the programs need neither.
export WINEDLLOVERRIDES="mscoree,mshtml="
# libharu needs a TrueType CJK font it can embed; wine has no SimHei, Debian has this one.
font=/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
[[ -f "$font" ]] || { echo "smoke: install fonts-wqy-zenhei" >&2; exit 1; }
export DIANJIA_PDF_FONT="Z:${font//\//\\}"

step() { printf '[smoke %(%H:%M:%S)T] %s\n' -1 "$*"; }
fail() { echo "smoke: FAILED: $*" >&2; exit 1; }
winpath() { echo "Z:${1//\//\\}"; }

if [[ ! -f "$WINEPREFIX/system.reg" ]]; then
    step "creating the wine prefix"
    xvfb-run -a wineboot -i >/dev/null 2>&1
    wineserver -w
fi
if [[ ! -e "$WINEPREFIX/drive_c/windows/Fonts/wqy-zenhei.ttc" ]]; then
    # A Chinese Windows draws its dialogs with a CJK font; wine's Tahoma has no hanzi, so wine
    # is told to draw with Debian's WenQuanYi Zen Hei instead.
    ln -sf "$font" "$WINEPREFIX/drive_c/windows/Fonts/wqy-zenhei.ttc"
    wine reg add 'HKCU\Software\Wine\Fonts\Replacements' /v Tahoma /t REG_SZ \
        /d 'WenQuanYi Zen Hei' /f >/dev/null 2>&1
    wineserver -w
fi

out="$win/smoke"
rm -rf "$out"
mkdir -p "$out/店铺数据"
unzip -q "$zip" -d "$out"
program=$(compgen -G "$out/Dianjia-*-win64" | head -1)
cli() { wine "$program/dianjia-cli.exe" --lang zh_CN --db "$(winpath "$out/店铺数据/演示店.db")" "$@"; }

step "dianjia-cli demo"
cli demo >"$out/demo.txt" 2>&1 || { cat "$out/demo.txt"; fail "demo"; }
[[ -s "$out/店铺数据/演示店.db" ]] || fail "demo wrote no database"

step "dianjia-cli wave create"
wave=$(cli --json wave create --max 5 | sed -n 's/.*"wave": *"\([^"]*\)".*/\1/p' | tr -d '\r')
[[ -n "$wave" ]] || fail "wave create made no wave"

step "dianjia-cli print labels $wave"
pdf="$out/店铺数据/面单 $wave.pdf"
cli print labels "$wave" --size 100x150 --out "$(winpath "$pdf")" >"$out/labels.txt" 2>&1 ||
    { cat "$out/labels.txt"; fail "print labels"; }
[[ -s "$pdf" ]] || fail "no label PDF"
pdftotext "$pdf" "$out/labels-text.txt" 2>/dev/null
grep -q "波次 $wave" "$out/labels-text.txt" && grep -q '订单 ' "$out/labels-text.txt" ||
    fail "pdftotext reads no Chinese text from the labels"
pdftoppm -png -r 60 -f 1 -l 1 "$pdf" "$out/label-page" 2>/dev/null

server="postgresql://dj@127.0.0.1:1/shop"
step "dianjia-cli --db $server stats"
# Nothing listens on port 1: libpq's own error, refused at once.
if wine "$program/dianjia-cli.exe" --lang en --db "$server" stats >"$out/server.txt" 2>&1; then
    cat "$out/server.txt"
    fail "stats on $server succeeded"
fi
tr -d '\r' <"$out/server.txt" | sed 's/^/    /'
grep -q "Cannot connect to the shop server $server" "$out/server.txt" &&
    grep -q 'connection to server at "127.0.0.1", port 1 failed' "$out/server.txt" ||
    fail "no connection error naming the server"
! grep -q 'built without' "$out/server.txt" || fail "built without PostgreSQL"

step "dianjia-cli --db $server?sslmode=require stats"
if wine "$program/dianjia-cli.exe" --lang en --db "$server?sslmode=require" stats \
    >"$out/server-tls.txt" 2>&1; then
    cat "$out/server-tls.txt"
    fail "stats on $server?sslmode=require succeeded"
fi
tr -d '\r' <"$out/server-tls.txt" | sed 's/^/    /'
! grep -q 'SSL support is not compiled in' "$out/server-tls.txt" || fail "libpq built without TLS"
grep -q 'connection to server at "127.0.0.1", port 1 failed' "$out/server-tls.txt" ||
    fail "no connection error with sslmode=require"

step "dianjia-cli server forget $server"
# The Credential Manager answers (wine's): nothing is kept for that server yet.
wine "$program/dianjia-cli.exe" --lang en server forget "$server" >"$out/keyring.txt" 2>&1 ||
    { cat "$out/keyring.txt"; fail "server forget failed"; }
tr -d '\r' <"$out/keyring.txt" | sed 's/^/    /'
grep -q "keyring kept no password for $server" "$out/keyring.txt" ||
    fail "the keyring did not answer"

step "dianjia.exe --view orders --screenshot"
# The wine server of the console runs above knows no display: let it end, so that the window's
# processes start with Xvfb's.
wineserver -w
shot="$out/orders.png"
xvfb-run -a -s "-screen 0 1280x800x24" \
    wine "$program/dianjia.exe" --lang zh_CN --db "$(winpath "$out/店铺数据/演示店.db")" \
    --view orders --screenshot "$(winpath "$shot")" >"$out/gui.txt" 2>&1 ||
    { cat "$out/gui.txt"; fail "dianjia.exe"; }
[[ -s "$shot" ]] || fail "no screenshot"
colours=$(convert "$shot" -format '%k' info:)
[[ "$colours" -gt 16 ]] || fail "the screenshot is blank ($colours colours)"

step "passed: $pdf ($(stat -c %s "$pdf") bytes), $shot ($colours colours)"
