#include "store/periods/period_repository.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/base/clock.h"
#include "store/base/database.h"
#include "store/base/sql_binding.h"

namespace dj {
namespace {

ClosedPeriod read_period(SQLite::Statement& s) {
    return {s.getColumn(0).getString(), s.getColumn(1).getInt64(), s.getColumn(2).getInt64(),
            s.getColumn(3).getInt64(), s.getColumn(4).getString()};
}

constexpr const char* kPeriodColumns = "month, start_at, end_at, closed_at, closed_by";

}  // namespace

std::vector<ClosedPeriod> closed_periods(Database& db) {
    SQLite::Statement s(connection(db), std::string("SELECT ") + kPeriodColumns +
                                            " FROM period_close ORDER BY start_at");
    std::vector<ClosedPeriod> out;
    while (s.executeStep())
        out.push_back(read_period(s));
    return out;
}

std::optional<ClosedPeriod> closed_period(Database& db, const std::string& month) {
    SQLite::Statement s(connection(db), std::string("SELECT ") + kPeriodColumns +
                                            " FROM period_close WHERE month = ?");
    s.bind(1, month);
    if (!s.executeStep()) return std::nullopt;
    return read_period(s);
}

std::optional<ClosedPeriod> last_closed_before(Database& db, Timestamp at) {
    SQLite::Statement s(connection(db), std::string("SELECT ") + kPeriodColumns +
                                            " FROM period_close WHERE end_at <= ? "
                                            "ORDER BY end_at DESC LIMIT 1");
    s.bind(1, static_cast<int64_t>(at));
    if (!s.executeStep()) return std::nullopt;
    return read_period(s);
}

ClosedThrough closed_through(Database& db) {
    SQLite::Statement& s =
        db.statement("SELECT month, end_at FROM period_close ORDER BY end_at DESC LIMIT 1");
    ClosedThrough c;
    if (s.executeStep()) c = {s.getColumn(1).getInt64(), s.getColumn(0).getString()};
    s.reset();
    return c;
}

std::vector<std::string> ledger_months(Database& db) {
    SQLite::Statement s(connection(db),
                        "SELECT DISTINCT strftime('%Y-%m', at + ?, 'unixepoch') FROM movement "
                        "ORDER BY 1");
    s.bind(1, kShopUtcOffsetMinutes * 60);
    std::vector<std::string> out;
    while (s.executeStep())
        out.push_back(s.getColumn(0).getString());
    return out;
}

void insert_closed_period(Database& db, const ClosedPeriod& p,
                          const std::vector<StockReportRow>& rows) {
    SQLite::Statement head(connection(db),
                           "INSERT INTO period_close(month, start_at, end_at, closed_at, "
                           "closed_by) VALUES (?, ?, ?, ?, ?)");
    head.bind(1, p.month);
    head.bind(2, static_cast<int64_t>(p.start));
    head.bind(3, static_cast<int64_t>(p.end));
    head.bind(4, static_cast<int64_t>(p.closed_at));
    head.bind(5, p.closed_by);
    head.exec();
    SQLite::Statement row(connection(db),
                          "INSERT INTO period_snapshot VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                          "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const StockReportRow& r : rows) {
        row.reset();
        int i = 1;
        row.bind(i++, p.month);
        row.bind(i++, static_cast<int64_t>(r.warehouse_id));
        row.bind(i++, static_cast<int64_t>(r.sku_id));
        auto bind_amount = [&](const Amount& a) {
            row.bind(i++, static_cast<int64_t>(a.qty));
            row.bind(i++, static_cast<int64_t>(a.value));
        };
        bind_amount(r.opening);
        for (const Amount& a : r.flows)
            bind_amount(a);
        bind_amount(r.closing);
        row.exec();
    }
}

void delete_closed_period(Database& db, const std::string& month) {
    SQLite::Statement s(connection(db), "DELETE FROM period_close WHERE month = ?");
    s.bind(1, month);
    s.exec();
}

std::vector<StockReportRow> load_snapshot(Database& db, const std::string& month) {
    // Column order is the table's: ids, opening, the flows in kFlows order, closing.
    SQLite::Statement s(connection(db),
                        "SELECT * FROM period_snapshot WHERE month = ? "
                        "ORDER BY warehouse_id = 0, warehouse_id, sku_id");
    s.bind(1, month);
    std::vector<StockReportRow> rows;
    while (s.executeStep()) {
        StockReportRow r;
        int i = 1;
        r.warehouse_id = s.getColumn(i++).getInt64();
        r.sku_id = s.getColumn(i++).getInt64();
        auto read_amount = [&](Amount& a) {
            a.qty = s.getColumn(i++).getInt64();
            a.value = s.getColumn(i++).getInt64();
        };
        read_amount(r.opening);
        for (Amount& a : r.flows)
            read_amount(a);
        read_amount(r.closing);
        rows.push_back(r);
    }
    return rows;
}

}  // namespace dj
