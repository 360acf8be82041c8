#!/usr/bin/env bash
# A shop server that wants a password: it comes from this computer's keyring (kept there by
# `server remember`, which first tries it), never from the command line or a settings file;
# without one the program says what to do; `server forget` takes it away again. Runs inside
# tests/os/with_keyring.sh (a keyring of its own) against the test cluster, where the user
# dj_password_cli must give a password.
#   tests/pg/password_test.sh DIANJIA_CLI SERVER_URL
set -euo pipefail
cli=$1
server=$2
fail() { echo "FAIL $*" >&2; exit 1; }

host=$(sed -E 's/.*[?&]host=([^&]*).*/\1/' <<<"$server")
db="pw_$$_$RANDOM"
password="Shop-pw-$RANDOM-店"
admin() { PGOPTIONS='-c client_min_messages=warning' psql -h "$host" -U postgres -d dianjia -qc "$1" >/dev/null; }
admin "DROP ROLE IF EXISTS dj_password_cli; CREATE ROLE dj_password_cli LOGIN PASSWORD '$password'"
admin "CREATE DATABASE $db OWNER dj_password_cli"
trap 'admin "DROP DATABASE IF EXISTS $db" || true' EXIT
url="postgresql://dj_password_cli@/$db?host=$host"
run() { "$cli" --lang en "$@" </dev/null; }

out=$(run server init "$url" 2>&1) && fail "connected without a password: $out"
grep -q "wants the password of this user" <<<"$out" || fail "no password: $out"

out=$(printf 'wrong-%s\n' "$password" | "$cli" --lang en server remember "$url" 2>&1) &&
    fail "a wrong password was kept: $out"
out=$(run server init "$url" 2>&1) && fail "the wrong password was kept: $out"

out=$(printf '%s\n' "$password" | "$cli" --lang en server remember "$url") ||
    fail "remember: $out"
grep -q "kept in this computer's keyring" <<<"$out" || fail "remember said: $out"
grep -q "$password" <<<"$out" && fail "the password was shown: $out"

out=$(run server init "$url") || fail "init with the kept password: $out"
out=$(run --db "$url" sku add PW-01 有密码 2>&1) || fail "a command with the kept password: $out"
found=$(grep -rl -- "$password" "$HOME" 2>/dev/null || true)
[[ -z $found ]] || fail "the password is in clear in $found"

out=$(run server forget "$url") || fail "forget: $out"
grep -q "forgotten" <<<"$out" || fail "forget said: $out"
out=$(run --db "$url" stats 2>&1) && fail "connected after forget: $out"
grep -q "wants the password of this user" <<<"$out" || fail "after forget: $out"
echo "ok   the password came from the keyring and nowhere else"
