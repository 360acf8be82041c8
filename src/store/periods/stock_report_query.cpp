#include "store/periods/stock_report_query.h"

#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/base/error.h"
#include "core/base/translate.h"
#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"
#include "store/periods/period_repository.h"

namespace dj {
namespace {

// One pass over the ledger from `from` to the period end, summed per SKU, warehouse, kind,
// direction and side of the period start in a hash map: faster than GROUP BY in SQLite (which
// sorts a million rows in a temporary b-tree), and a month's movements become a few tens of
// thousands of entries before the builder sees them.
void add_ledger(Database& db, Timestamp from, const Period& period, StockReportBuilder& builder,
                Progress* progress) {
    struct Key {
        Id sku, warehouse;
        int kind;
        bool positive, within;
        bool operator==(const Key&) const = default;
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const noexcept {
            return std::hash<Id>()((k.sku * 1000003 ^ k.warehouse) * 64 + k.kind * 4 +
                                   k.positive * 2 + k.within);
        }
    };
    std::unordered_map<Key, Amount, KeyHash> sums;
    // Without a snapshot the pass reads most of the ledger: a plain table scan (+at keeps
    // SQLite off the time index) beats a row lookup per index entry.
    bool whole_ledger = from == std::numeric_limits<Timestamp>::min();
    sql::Statement& s = whole_ledger ? db.statement(
                                           "SELECT at, sku_id, warehouse_id, kind, qty, value_fen "
                                           "FROM movement WHERE +at < ? AND +at >= ?")
                                     : db.statement(
                                           "SELECT at, sku_id, warehouse_id, kind, qty, value_fen "
                                           "FROM movement WHERE at < ? AND at >= ?");
    s.bind(1, static_cast<int64_t>(period.end));
    s.bind(2, static_cast<int64_t>(from));
    if (progress) {
        sql::Statement& count =
            db.statement("SELECT count(*) FROM movement WHERE at < ? AND at >= ?");
        count.bind(1, static_cast<int64_t>(period.end));
        count.bind(2, static_cast<int64_t>(from));
        count.step();
        progress->total = static_cast<long>(count.column(0).int64());
        progress->done = 0;
        count.reset();
        if (progress->cancel) throw Cancelled(tr("The report was stopped before it was complete"));
    }
    std::unordered_map<std::string, int> kind_index;
    std::vector<MovementKind> kinds;
    long read = 0;
    while (s.step()) {
        if (progress && ++read % 65536 == 0) {
            progress->done = read;
            if (progress->cancel) {
                s.reset();
                throw Cancelled(tr("The report was stopped before it was complete"));
            }
        }
        std::string kind = s.column(3).text();
        auto [it, added] = kind_index.try_emplace(kind, static_cast<int>(kinds.size()));
        if (added) kinds.push_back(parse_movement_kind(kind));
        Qty qty = s.column(4).int64();
        Key key{s.column(1).int64(), s.column(2).int64(), it->second, qty > 0,
                s.column(0).int64() >= period.start};
        sums[key] += {qty, s.column(5).int64()};
    }
    s.reset();
    for (const auto& [key, amount] : sums) {
        LedgerEntry e{key.sku, key.warehouse, kinds[static_cast<std::size_t>(key.kind)], amount.qty,
                      amount.value};
        if (key.within)
            builder.add_within(e);
        else
            builder.add_before(e);
    }
}

StockReport build(Database& db, const Period& period, Progress* progress) {
    StockReportBuilder builder(period);
    Timestamp from = std::numeric_limits<Timestamp>::min();
    if (auto base = last_closed_before(db, period.start)) {
        for (const StockReportRow& r : load_snapshot(db, base->month))
            builder.add_opening(r.sku_id, r.warehouse_id, r.closing);
        from = base->end;
    }
    add_ledger(db, from, period, builder, progress);
    if (progress) progress->done = progress->total.load();
    return builder.finish();
}

}  // namespace

StockReport stock_report(Database& db, const Period& period, Progress* progress) {
    if (!period.month.empty()) {
        if (auto closed = closed_period(db, period.month)) {
            StockReport report;
            report.period = period;
            report.rows = load_snapshot(db, period.month);
            return report;
        }
    }
    return build(db, period, progress);
}

ReportNames report_names(Database& db) {
    ReportNames names;
    sql::Statement skus(connection(db), "SELECT id, code, name FROM sku");
    while (skus.step())
        names.skus[skus.column(0).int64()] = {skus.column(1).text(), skus.column(2).text()};
    sql::Statement warehouses(connection(db), "SELECT id, code, name FROM warehouse");
    while (warehouses.step())
        names.warehouses[warehouses.column(0).int64()] = {warehouses.column(1).text(),
                                                          warehouses.column(2).text()};
    return names;
}

}  // namespace dj
