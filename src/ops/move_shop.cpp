#include "ops/move_shop.h"

#include "core/base/error.h"
#include "core/base/translate.h"
#include "core/periods/period.h"
#include "ops/access.h"
#include "ops/shop_queries.h"
#include "ops/stock_queries.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"

namespace dj::ops {
namespace {

bool same(const Amount& a, const Amount& b) {
    return a.qty == b.qty && a.value == b.value;
}

bool same(const StockReportRow& a, const StockReportRow& b) {
    if (a.sku_id != b.sku_id || a.warehouse_id != b.warehouse_id || !same(a.opening, b.opening) ||
        !same(a.closing, b.closing))
        return false;
    for (std::size_t f = 0; f < a.flows.size(); ++f)
        if (!same(a.flows[f], b.flows[f])) return false;
    return true;
}

}  // namespace

ShopMoved move_shop(Database& from, Database& to, const Actor& actor, Progress* progress) {
    require(actor, Permission::ManageUsers);
    ShopMoved moved;
    moved.tables = copy_shop(from, to, progress);
    const std::string where = to.path();
    if (ops::shop_stats(from) != ops::shop_stats(to))
        throw StorageError(
            trf("The shop on {0} does not hold as many records as {1}: see "
                "\"stats\" on both.",
                where, from.path()));
    if (!ops::check_ledger(to).empty())
        throw StorageError(
            trf("The stock balances on {0} do not add up to its ledger: see "
                "\"check\" there.",
                where));
    for (const std::string& month : ops::ledger_months(from)) {
        Period period = month_period(month, "month");
        StockReport a = ops::stock_report(from, actor, period);
        StockReport b = ops::stock_report(to, actor, period);
        bool equal = a.rows.size() == b.rows.size();
        for (std::size_t i = 0; equal && i < a.rows.size(); ++i)
            equal = same(a.rows[i], b.rows[i]);
        if (!equal)
            throw StorageError(
                trf("The month-end report of {0} on {1} differs from the one of {2}.", month, where,
                    from.path()));
        moved.months_compared.push_back(month);
    }
    long long rows = 0;
    for (const CopiedTable& t : moved.tables)
        rows += t.rows;
    audit(to, actor, "shop.moved", from.path(),
          std::to_string(rows) + " rows, " + std::to_string(moved.months_compared.size()) +
              " months compared");
    return moved;
}

}  // namespace dj::ops
