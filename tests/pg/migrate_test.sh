#!/usr/bin/env bash
# A single-PC shop moves to a shop server with nothing lost: the demo shop with a closed month
# is migrated into a fresh schema of the test cluster; the counts, the ledger check and the
# month-end reports agree on both sides, and what must be refused is refused with its message.
#   tests/pg/migrate_test.sh DIANJIA_CLI SERVER_URL
set -euo pipefail
cli=$1
server=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL $*" >&2; exit 1; }

schema="m$$_$RANDOM"
psql_url="${server%%\?*}"
host=$(sed -E 's/.*[?&]host=([^&]*).*/\1/' <<<"$server")
psql -h "$host" -U postgres -d "${psql_url##*/}" -qc "CREATE SCHEMA $schema" >/dev/null
url="$server&options=-csearch_path%3D$schema"
file="$T/shop.db"
run() { "$cli" --lang en "$@"; }

run --db "$file" demo --orders 300 --seed 7 --today 2026-11-20 >/dev/null
run --db "$file" period close 2026-09 >/dev/null
out=$(run --db "$url" stats 2>&1) && fail "an empty server opened as a shop: $out"
grep -q "holds no shop yet" <<<"$out" || fail "empty server: $out"

out=$(run migrate --from "$file" --to "$url") || fail "migrate: $out"
grep -q "month-end reports of" <<<"$out" || fail "migrate said: $out"
grep -q "movement" <<<"$out" || fail "no movement table copied: $out"

for what in skus suppliers stores warehouses locations batches movements orders order_lines; do
    a=$(run --db "$file" --json stats | tr -d '\n ' | grep -o "\"what\":\"$what\",\"count\":[0-9]*")
    b=$(run --db "$url" --json stats | tr -d '\n ' | grep -o "\"what\":\"$what\",\"count\":[0-9]*")
    [[ -n "$a" && "$a" == "$b" ]] || fail "$what: file $a, server $b"
done
check=$(run --db "$url" --json check)
[[ "$(tr -d '\n ' <<<"$check")" == "[]" ]] || fail "check on the server: $check"
for month in 2026-09 2026-10 2026-11; do
    a=$(run --db "$file" --json report month-end --period "$month")
    b=$(run --db "$url" --json report month-end --period "$month")
    [[ -n "$a" && "$a" == "$b" ]] || fail "month-end $month differs"
done
closed=$(run --db "$url" --json period list)
grep -q "2026-09" <<<"$closed" || fail "the closed month did not come along: $closed"

out=$(run migrate --from "$file" --to "$url" 2>&1) && fail "a second move into the same shop: $out"
grep -q "already holds a shop" <<<"$out" || fail "second move: $out"

with_password="${server/postgresql:\/\//postgresql://postgres:secret@}"
out=$(run --db "$with_password" stats 2>&1) && fail "a password in the address was taken"
grep -q "carries a password" <<<"$out" || fail "password in the address: $out"
grep -q "secret" <<<"$out" && fail "the password was echoed: $out"

out=$(DIANJIA_DB="$url" run stats) || fail "DIANJIA_DB: $out"
echo "ok   the shop moved and every check agrees"
