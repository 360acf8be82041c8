#!/usr/bin/env bash
# The quick-start commands:
#   installer/build.sh run    set up, build (Release), open the demo shop
#   installer/build.sh test   set up, build, run the whole suite with ctest (and again at two
#                             other dates and time zones)
#   installer/build.sh windows   cross-build, package and smoke-test the Windows programs
#                                (installer/windows/build.sh; slow, so not part of test)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build"
jobs=$(nproc 2>/dev/null || echo 2)

usage() { echo "usage: installer/build.sh run|test|build|windows" >&2; exit 2; }
[[ $# -ge 1 ]] || usage
mode=$1
shift
[[ "$mode" == windows ]] && exec "$root/installer/windows/build.sh" "$@"

"$root/installer/setup-debian.sh"

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DDJ_WARNINGS_AS_ERRORS=ON "${launcher[@]}" >/dev/null
cmake --build "$build" -j "$jobs"

case "$mode" in
build) ;;
run)
    demo_db="$build/demo/dianjia-demo.db"
    cli="$build/src/cli/dianjia-cli"
    if [[ ! -f "$demo_db" ]]; then
        mkdir -p "$(dirname "$demo_db")"
        "$cli" --db "$demo_db" demo
    fi
    echo "Demo shop: $demo_db"
    if [[ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
        echo "No display here, so the window cannot open; the dashboard's figures instead:"
        "$cli" --db "$demo_db" dashboard
        exec "$cli" --db "$demo_db" stock summary
    fi
    exec "$build/src/app/dianjia" --db "$demo_db" "$@"
    ;;
test)
    cd "$build"
    ctest --output-on-failure -j "$jobs" "$@"
    # Nothing may depend on today's date or the machine's time zone: the whole suite again with
    # the computer's clock moved (libfaketime) to a US spring morning and to the last seconds of
    # a year in shop time. The robustness campaign times its kills on the real clock: it runs
    # once, above.
    echo "== the suite again at 2027-03-01 09:00 in America/Los_Angeles"
    TZ=America/Los_Angeles faketime '2027-03-01 09:00:00' ctest --output-on-failure -j "$jobs" \
        -LE campaign "$@"
    echo "== the suite again at 2027-12-31 23:59:30 in Asia/Shanghai"
    exec env TZ=Asia/Shanghai faketime '2027-12-31 23:59:30' ctest --output-on-failure -j "$jobs" \
        -LE campaign "$@"
    ;;
*) usage ;;
esac
