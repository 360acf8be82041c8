#!/usr/bin/env bash
# The single-station benchmarks on a shop file and then on a PostgreSQL server (a throwaway
# cluster on this machine, unix socket, durable commits), printed one after the other:
#   tests/bench/server_bench.sh BUILD_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:?build folder}
pg=$(mktemp -d)
trap '"$here/../pg/cluster.sh" stop "$pg"' EXIT
DJ_PG_DURABLE=1 "$here/../pg/cluster.sh" start "$pg"
export DIANJIA_NOW=2026-11-24T13:04:16+08:00
work=$(mktemp -d)
for b in dj_bench dj_sync_bench dj_report_bench dj_pack_bench; do
    echo "== $b"
    "$build/tests/bench/$b" "$work"
    DJ_BENCH_POSTGRES="postgresql:///dianjia?host=$pg&user=postgres" "$build/tests/bench/$b" "$work"
done
rm -rf "$work"
