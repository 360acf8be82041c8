#include "ops/periods.h"

#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/money.h"
#include "core/base/translate.h"
#include "ops/access.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"
#include "store/periods/stock_report_query.h"

namespace dj::ops {

ClosedPeriod close_period(Database& db, const Actor& actor, const std::string& month) {
    require(actor, Permission::ClosePeriods);
    Timestamp now = db.clock().now();
    Period period = month_period(month, "period close");
    if (period.end > now)
        throw InvalidInput(trf("Month {0} is not over yet (it ends {1}): close it after that.",
                               month, format_shop_time(period.end)));
    WriteTransaction tx(db);
    if (auto existing = closed_period(db, month))
        throw InvalidInput(
            trf("Month {0} is already closed (by {1} at {2}). To change it, reopen "
                "it first: dianjia-cli period reopen {0} --reason TEXT",
                month, existing->closed_by, format_shop_time(existing->closed_at)));
    StockReport report = stock_report(db, period);
    ClosedPeriod closed{month, period.start, period.end, db.clock().now(), actor.user};
    insert_closed_period(db, closed, report.rows);
    StockReportRow total = report.shop_total();
    audit(db, actor, "period.close", month,
          trf("{0} rows; closing {1} units worth {2} yuan", std::to_string(report.rows.size()),
              std::to_string(total.closing.qty), format_yuan(total.closing.value)));
    tx.commit();
    return closed;
}

std::vector<std::string> reopen_period(Database& db, const Actor& actor, const std::string& month,
                                       const std::string& reason) {
    require(actor, Permission::ReopenPeriods);
    require_second_check(db, actor, trf("Reopening month {0}", month));
    month_period(month, "period reopen");
    if (reason.empty())
        throw InvalidInput(
            trf("Reopening month {0} needs a reason (--reason TEXT); it is kept in the audit log.",
                month));
    WriteTransaction tx(db);
    auto target = closed_period(db, month);
    if (!target)
        throw NotFound(
            trf("Month {0} is not closed: nothing to reopen (see dianjia-cli period "
                "list).",
                month));
    std::vector<std::string> reopened;
    for (const ClosedPeriod& p : closed_periods(db))
        if (p.start >= target->start) reopened.push_back(p.month);
    std::string later;
    for (const std::string& m : reopened) {
        delete_closed_period(db, m);
        if (m != month) later += (later.empty() ? "" : ", ") + m;
    }
    audit(db, actor, "period.reopen", month,
          later.empty() ? reason : trf("{0} (later months reopened too: {1})", reason, later));
    tx.commit();
    return reopened;
}

}  // namespace dj::ops
