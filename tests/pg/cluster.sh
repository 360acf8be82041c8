#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suites: initdb into DIR, a unix socket in DIR and
# no network, a database "dianjia" for the tests. PostgreSQL refuses to run as root, so as root
# the cluster belongs to the "postgres" user that Debian's package makes.
#   tests/pg/cluster.sh start DIR    prints nothing; the tests connect with
#                                    postgresql:///dianjia?host=DIR&user=postgres
#   tests/pg/cluster.sh stop DIR
# DJ_PG_DURABLE=1: commits reach the disk (fsync on), for the benchmarks.
set -euo pipefail
# The server keeps its own, real clock, as a shop's server on another machine does: the suite's
# libfaketime runs move the programs' clock only (a frozen server clock never ends a lock wait).
unset LD_PRELOAD FAKETIME FAKETIME_NO_CACHE

mode=${1:?start|stop}
dir=${2:?cluster folder}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[[ -x "$bin/initdb" ]] || { echo "PostgreSQL server not installed (installer/setup-debian.sh)" >&2; exit 1; }

as_owner() {
    if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$mode" in
start)
    if [[ -f "$dir/data/postmaster.pid" ]]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [[ $(id -u) == 0 ]] && chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" --auth=trust -U postgres -E UTF8 --locale=C.UTF-8 \
        >"$dir/initdb.log" 2>&1
    # Every user is trusted on the socket but these two, who must give a password as a shop
    # server's users do (tests/pg/password_test.sh and gui.live make them).
    sed -i '1i local all dj_password_cli,dj_password_gui scram-sha-256' "$dir/data/pg_hba.conf"
    # Durability is not what the tests check; speed is what keeps the suite short. The
    # benchmarks (DJ_PG_DURABLE=1) compare with SQLite's durable commits, so they keep it.
    durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [[ "${DJ_PG_DURABLE:-}" == 1 ]] && durability=""
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-k $dir -c listen_addresses='' $durability -c max_connections=200 -c max_locks_per_transaction=1024" \
        start >/dev/null
    as_owner "$bin/createdb" -h "$dir" -U postgres dianjia
    ;;
stop)
    [[ -f "$dir/data/postmaster.pid" ]] && as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
