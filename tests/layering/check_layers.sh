#!/usr/bin/env bash
# The design's boundaries, checked on the sources (../shared/DESIGN.md, "Layout"): a file that
# crosses one fails the suite, naming the file and the line.
#   - core is the standard library and itself only;
#   - only the store sees SQL: nobody else includes SQLiteCpp, sqlite3 or libpq (the tests
#     neither: they use the store's SQL probe, which no program includes), inside the store only
#     the two engines do (store/base/sql.h is the seam), and the front ends (src/app, src/cli)
#     hold no SQL statements;
#   - the front ends go through the use cases and queries of src/ops only: they include no store,
#     sync or notify header (but the database handle and where it lives), open no transaction,
#     post no stock, write no audit entry and call no store code that changes data;
#   - no two modules of src/ include each other, directly or through others;
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
report "SQLiteCpp, sqlite3 or libpq included outside src/store (tests read the database through store/testing/sql_probe.h)" \
    "$(grep -rnE '#include [<"](SQLiteCpp/|sqlite3\.h|libpq-fe\.h)' src platforms reports tests | grep -v '^src/store/')"
report "an engine's own header included in the store outside its engine (store/base/sql.h is the seam)" \
    "$(grep -rnE '#include [<"](SQLiteCpp/|sqlite3\.h|libpq-fe\.h)|#include "store/base/postgres_(pipeline|result)\.h"' src/store | grep -vE '^src/store/base/(sqlite_connection\.cpp|postgres_[a-z_]+\.(cpp|h)):')"
report "the store's connection (store/base/sql_binding.h) used outside src/store" \
    "$(grep -rn '^#include "store/base/sql_binding.h"' src platforms reports tests | grep -v '^src/store/')"
report "a program includes the test suites' SQL probe" \
    "$(grep -rn '#include "store/testing/' src platforms reports | grep -v '^src/store/testing/')"
report "SQL in a front end (src/app, src/cli): put it in a store function" \
    "$(grep -rnE '"[^"]*\b(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM)\b' src/app src/cli)"
report "a front end (src/app, src/cli) changes data itself: call the use case in src/ops" \
    "$(grep -rnE '\b(WriteTransaction|StockPosting|OrderAllocator|OrderReviewer|OrderSplitter|OrderMerger|PackSession)\b|[^_a-z]audit\(|[^_a-z:](save_split_policy|save_printer_choice|acknowledge_alert|snooze_alert|save_threshold|mark_alert_acknowledged|set_alert_snoozed_until|evaluate_stock_alerts|add_notify_channel|insert_notify_channel|save_waybill|store_waybill|mark_notification_sent|queue_test_notification|queue_alert_notifications|queue_stock_offers)\(|\.(create_waves|save|save_store|save_sku|save_skus|save_supplier|save_mapping|add_warehouse|add_location|import|set_enabled|set_reference_price|create|lift)\(' src/app src/cli)"
report "a front end (src/app, src/cli) reads the store, the sync or the notifications itself: call the query or use case in src/ops" \
    "$(grep -rnE '#include "(store|sync|notify)/' src/app src/cli | grep -vE 'store/base/(database|data_dir)\.h"'
      grep -rnE '\b[A-Z][A-Za-z]*(Repository|Service)\(' src/app src/cli)"
report "the computer's clock read below the programs" \
    "$(grep -rnE 'system_clock|std::time\(|[^_a-z]time\(nullptr\)|time\(NULL\)|gettimeofday|localtime|gmtime|wxDateTime::(Now|UNow|Today)' \
        src platforms reports | grep -vE '^src/(app|cli)/|^src/os/program_clock\.cpp:|^platforms/adapter_support\.cpp:')"

report "modules include each other in a circle (make one side an interface or move the caller up)" \
    "$(/usr/bin/python3 "$(dirname "$0")/include_cycles.py" .)"

[[ $failed -eq 0 ]] && echo "every boundary kept"
exit $failed
