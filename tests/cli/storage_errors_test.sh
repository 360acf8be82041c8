#!/bin/sh
# A full disk, a read-only disk, a file another program keeps locked and a damaged file each get
# their own message; only the damaged file is called damaged, and the intact file works again
# once the disk has room. The small disk is a tmpfs in a private mount namespace (unshare -rm);
# where that is not allowed the test is skipped (exit 77).
# Usage: storage_errors_test.sh DIANJIA_CLI
set -eu
cli=$1
if [ "${DJ_IN_NAMESPACE:-}" != 1 ]; then
    unshare -rm true 2>/dev/null || { echo "unshare -rm is not allowed here: skipped"; exit 77; }
    DJ_IN_NAMESPACE=1 exec unshare -rm "$0" "$@"
fi
export DIANJIA_LANG=en
work=$(mktemp -d)
trap 'umount "$work/disk" 2>/dev/null || true; rm -rf "$work"' EXIT
disk=$work/disk
mkdir -p "$disk"
mount -t tmpfs -o size=4m tmpfs "$disk"
db=$disk/shop.db
fails=0

# expect NAME EXIT_CODE TEXT NOT_TEXT COMMAND...: the command exits with EXIT_CODE, its error
# contains TEXT and not NOT_TEXT.
expect() {
    name=$1 code=$2 text=$3 not=$4
    shift 4
    set +e
    err=$("$@" 2>&1 >/dev/null)
    got=$?
    set -e
    if [ "$got" != "$code" ] || { [ -n "$text" ] && ! printf '%s' "$err" | grep -qF -- "$text"; } ||
        { [ -n "$not" ] && printf '%s' "$err" | grep -qF -- "$not"; }; then
        echo "FAIL $name: exit $got (expected $code): $err"
        fails=$((fails + 1))
    else
        echo "ok   $name: $err"
    fi
}

"$cli" --db "$db" init > /dev/null
"$cli" --db "$db" warehouse add CZ 常州仓 > /dev/null
printf 'code,name,barcode,spec,unit,weight_g,cost,shelf_life_days\nA1,茶,,,件,1,1.00,0\n' \
    > "$work/skus.csv"
"$cli" --db "$db" sku import "$work/skus.csv" > /dev/null

dd if=/dev/zero of="$disk/filler" bs=4k 2>/dev/null || true
expect "full disk, read" 1 "is full" "damaged" "$cli" --db "$db" check
expect "full disk, write" 1 "is full" "damaged" "$cli" --db "$db" stock receive A1 1 --warehouse CZ
rm "$disk/filler"
expect "room again" 0 "" "" "$cli" --db "$db" stock receive A1 1 --warehouse CZ
expect "intact" 0 "" "" "$cli" --db "$db" check

# Another program holds the write lock longer than this command waits.
python3 -c '
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(4)
c.execute("ROLLBACK")
' "$db" "$work/locked" &
holder=$!
while [ ! -e "$work/locked" ]; do sleep 0.1; done
DIANJIA_BUSY_TIMEOUT_MS=300 expect "locked elsewhere" 1 "locked too long" "damaged" \
    "$cli" --db "$db" stock receive A1 1 --warehouse CZ
wait $holder

mount -o remount,ro "$disk"
expect "read-only disk, read" 1 "read-only" "damaged" "$cli" --db "$db" check
expect "read-only disk, write" 1 "read-only" "damaged" "$cli" --db "$db" stock receive A1 1 \
    --warehouse CZ
mount -o remount,rw "$disk"

head -c 65536 /dev/urandom > "$disk/damaged.db"
expect "damaged" 1 "is not a Dianjia database or is damaged" "" "$cli" --db "$disk/damaged.db" check

[ "$fails" = 0 ]
