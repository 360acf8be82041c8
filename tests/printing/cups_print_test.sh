#!/usr/bin/env bash
# Prints waybill labels for real: a private cupsd (own config, spool and socket, so the
# machine's own CUPS is neither needed nor touched) with a cups-pdf queue DianjiaPDF loaded with
# 100x150 mm labels; dianjia-cli lists the printers, remembers the label printer and sends a
# wave's labels to it; the PDF cups-pdf writes must have every page, looking like the page sent
# (Chinese text included), with every barcode readable.
#
# Why pixels and not pdftotext on what arrives: CUPS turns the PDF into PostScript for cups-pdf
# (pdftops), which keeps the glyphs but not which character each one is, so no extracted text
# survives the trip, for any PDF. The text map of the labels themselves is checked with
# Ghostscript, the renderer of that same filter chain.
# usage: cups_print_test.sh DIANJIA_CLI        exit 77 = skipped (no CUPS or not root)
set -euo pipefail
cli=$1
queue=DianjiaPDF

skip() { echo "SKIPPED: $*"; exit 77; }
fail() { echo "FAILED: $*"; [[ -f ${T:-}/log/error_log ]] && tail -n 30 "$T/log/error_log"; exit 1; }

for tool in /usr/sbin/cupsd lpadmin lpinfo lpstat gs pdfinfo pdftoppm zbarimg od; do
    command -v "$tool" >/dev/null || skip "$tool is missing (installer/setup-debian.sh installs it)"
done
[[ -x /usr/lib/cups/backend/cups-pdf ]] || skip "printer-driver-cups-pdf is not installed"
# cupsd runs cups-pdf (mode 0700) as root only.
[[ $(id -u) -eq 0 ]] || skip "a private cupsd with the cups-pdf backend needs root"

T=$(mktemp -d)
cupsd_pid=""
cleanup() {
    [[ -n $cupsd_pid ]] && kill "$cupsd_pid" 2>/dev/null && wait "$cupsd_pid" 2>/dev/null
    rm -rf "$T"
}
trap cleanup EXIT
# cupsd's filters run as lp: they must reach the spool and the temporary folder.
chmod 755 "$T"
mkdir -p "$T"/{etc,spool,cache,state,log} "$T/tmp"
chmod 1777 "$T/tmp"
cat >"$T/etc/cups-files.conf" <<CONF
ServerRoot $T/etc
RequestRoot $T/spool
CacheDir $T/cache
StateDir $T/state
TempDir $T/tmp
ServerBin /usr/lib/cups
DataDir /usr/share/cups
Printcap $T/printcap
ErrorLog $T/log/error_log
AccessLog $T/log/access_log
PageLog $T/log/page_log
SystemGroup root
CONF
cat >"$T/etc/cupsd.conf" <<CONF
Listen $T/cups.sock
LogLevel info
Browsing No
WebInterface No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
CONF
/usr/sbin/cupsd -f -c "$T/etc/cupsd.conf" -s "$T/etc/cups-files.conf" >"$T/log/cupsd.out" 2>&1 &
cupsd_pid=$!
export CUPS_SERVER=$T/cups.sock
for _ in $(seq 100); do
    [[ -S $CUPS_SERVER ]] && lpstat -r >/dev/null 2>&1 && break
    kill -0 "$cupsd_pid" 2>/dev/null || fail "cupsd did not start: $(cat "$T/log/cupsd.out")"
    sleep 0.1
done
lpstat -r >/dev/null 2>&1 || fail "cupsd did not answer on $CUPS_SERVER"

# cups-pdf's PPD as this CUPS names it.
ppd=$(timeout 30 lpinfo -m 2>"$T/log/lpinfo.err" | awk '/CUPS-PDF/ { print $1; exit }')
[[ -n $ppd ]] || fail "lpinfo -m lists no CUPS-PDF driver"
lpadmin -p "$queue" -E -v cups-pdf:/ -m "$ppd" -o PageSize=Custom.100x150mm 2>/dev/null ||
    fail "lpadmin could not add $queue"

db=$T/shop.db
# cups-pdf names its file after the job's title: a name of this run's own finds it among earlier
# ones (file times cannot tell: they follow the kernel's clock, not a faketime'd test's).
labels=$T/labels-${T##*/}.pdf
run() { timeout 60 "$cli" --db "$db" --lang en "$@"; }
run demo --orders 40 >/dev/null
wave=$(run --json wave create --max 3 | sed -n 's/.*"wave": "\([^"]*\)".*/\1/p')
[[ -n $wave ]] || fail "no wave was created"
run print labels "$wave" --size 100x150 --out "$labels" >/dev/null

printers=$(run --json print printers)
grep -q "\"printer\": \"$queue\"" <<<"$printers" || fail "print printers does not list $queue: $printers"

# Without --printer nothing is chosen yet: a clear error, nothing sent.
if out=$(run print send "$labels" --document label 2>&1); then fail "sent with no printer chosen"; fi
grep -q "No printer is chosen for label" <<<"$out" || fail "unclear message: $out"
if out=$(run print send "$labels" --printer NoSuchPrinter 2>&1); then fail "sent to a missing printer"; fi
grep -q "There is no printer NoSuchPrinter.*$queue" <<<"$out" || fail "unclear message: $out"

run print choose label "$queue" >/dev/null
grep -q "\"chosen_for\": \"label\"" <<<"$(run --json print printers)" || fail "the choice is not listed"

# cups-pdf writes into the job owner's ~/PDF, the name made from the job's title.
out_dir=$(getent passwd "$(id -un)" | cut -d: -f6)/PDF
pdfs() { { find "$out_dir" -maxdepth 1 -name '*.pdf' 2>/dev/null || true; } | sort; }
pdfs >"$T/before"
sent=$(run --json print send "$labels" --document label)
job=$(sed -n 's/.*"job": \([0-9]*\).*/\1/p' <<<"$sent")
[[ -n $job && $job -gt 0 ]] || fail "no job number: $sent"

for _ in $(seq 300); do
    lpstat -W completed -o "$queue" 2>/dev/null | grep -q "^$queue-$job " && break
    sleep 0.1
done
lpstat -W completed -o "$queue" 2>/dev/null | grep -q "^$queue-$job " ||
    fail "job $job did not complete within 30 s: $(lpstat -l -o "$queue" 2>&1)"
arrived=$(pdfs | comm -13 "$T/before" - | tail -n 1)
[[ -n $arrived ]] || fail "job $job completed but wrote no PDF into $out_dir"
trap 'rm -f "$arrived"; cleanup' EXIT

pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
size() { pdfinfo "$1" 2>/dev/null | awk '/^Page size:/ { printf "%.0fx%.0f pt", $3, $5 }'; }
[[ $(pages "$arrived") == $(pages "$labels") ]] ||
    fail "$(pages "$arrived") pages arrived, $(pages "$labels") were sent"
[[ $(size "$arrived") == $(size "$labels") ]] ||
    fail "the pages arrived $(size "$arrived"), not $(size "$labels") as sent"

# The Chinese text of the labels is readable to Ghostscript, not only to poppler.
sent_text=$(gs -q -dBATCH -dNOPAUSE -dSAFER -sDEVICE=txtwrite -o - "$labels" 2>/dev/null)
for word in 寄 订单 波次; do
    grep -q "$word" <<<"$sent_text" || fail "Ghostscript finds no \"$word\" in the labels"
done

# Every page arrives looking like the page sent: rendered at 50 dpi, the ink of each 4x4 pixel
# tile compared. The same label measures about 0.02 (anti-aliasing); a different label about
# 0.14; blank hanzi or a missing barcode far more.
pixels() {
    local size
    size=$(head -c 64 "$1" | tr -s ' \n' ' ' | cut -d' ' -f2,3)
    set -- "$1" $size
    tail -c $(($2 * $3)) "$1" | od -An -v -tu1 | tr -s ' ' '\n' | grep -v '^$'
}
ink_difference() {
    local width
    width=$(head -c 64 "$1" | tr -s ' \n' ' ' | cut -d' ' -f2)
    paste <(pixels "$1") <(pixels "$2") | awk -v w="$width" '
        { i = NR - 1; t = int((i % w) / 4) "," int(int(i / w) / 4)
          a[t] += (255 - $1) / 255; b[t] += (255 - $2) / 255 }
        END { for (t in a) { d += a[t] > b[t] ? a[t] - b[t] : b[t] - a[t]; n += a[t] + b[t] }
              printf "%.3f", n ? d / n : 1 }'
}
pdftoppm -r 50 -gray "$labels" "$T/sent" 2>/dev/null
pdftoppm -r 50 -gray "$arrived" "$T/got" 2>/dev/null
for page in "$T"/sent-*.pgm; do
    got=$T/got-${page##*/sent-}
    [[ -f $got ]] || fail "page ${page##*/} did not arrive"
    d=$(ink_difference "$page" "$got")
    awk -v d="$d" 'BEGIN { exit !(d <= 0.06) }' || fail "page ${page##*/} arrived different (ink $d)"
done

# Every label's barcode still reads as its tracking number.
codes() {
    pdftoppm -r 150 -png "$1" "$T/codes-$2" 2>/dev/null
    zbarimg -q --raw "$T"/codes-"$2"*.png | sort
}
expected=$(codes "$labels" sent)
[[ -n $expected ]] || fail "no barcode read from the labels sent"
[[ $(codes "$arrived" got) == "$expected" ]] || fail "the barcodes that arrived differ"

echo "printed $(pages "$arrived") labels of wave $wave on $queue as job $job:" \
    "pages, text and barcodes arrived"
