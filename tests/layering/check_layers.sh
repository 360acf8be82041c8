#!/usr/bin/env bash
# The design's boundaries, checked on the sources (../shared/DESIGN.md, "Layout"): a file that
# crosses one fails the suite, naming the file and the line.
#   - core is the standard library and itself only;
#   - only the store sees SQL: nobody else includes SQLiteCpp or sqlite3, and the front ends
#     (src/app, src/cli) hold no SQL statements;
#   - time is an input: below the programs nothing reads the computer's clock, except the
#     program clock itself (src/os/program_clock.cpp) and request signing at the platforms' edge
#     (platforms/adapter_support.cpp, signing_time). steady_clock (durations) is not a date.
# usage: check_layers.sh SOURCE_ROOT
set -uo pipefail
cd "$1"
failed=0
report() {
    if [[ -n $2 ]]; then
        echo "FAILED: $1"
        echo "$2" | sed 's/^/    /'
        failed=1
    fi
}

report "core includes something other than the standard library and core" \
    "$(grep -rn '^#include "' src/core | grep -v '#include "core/')"
report "core includes a non-standard header" \
    "$(grep -rn '^#include <' src/core | grep -E '<(wx|SQLite|sqlite3|curl|httplib|nlohmann|hpdf|zint|xlsxwriter|boost)')"
report "SQLiteCpp or sqlite3 included outside src/store" \
    "$(grep -rnE '#include [<"](SQLiteCpp/|sqlite3\.h)' src platforms reports | grep -v '^src/store/')"
report "SQL in a front end (src/app, src/cli): put it in a store function" \
    "$(grep -rnE '"[^"]*\b(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM)\b' src/app src/cli)"
report "the computer's clock read below the programs" \
    "$(grep -rnE 'system_clock|std::time\(|[^_a-z]time\(nullptr\)|time\(NULL\)|gettimeofday|localtime|gmtime|wxDateTime::(Now|UNow|Today)' \
        src platforms reports | grep -vE '^src/(app|cli)/|^src/os/program_clock\.cpp:|^platforms/adapter_support\.cpp:')"

[[ $failed -eq 0 ]] && echo "every boundary kept"
exit $failed
