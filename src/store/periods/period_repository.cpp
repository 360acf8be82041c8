#include "store/periods/period_repository.h"

#include "core/base/clock.h"
#include "store/base/batch_insert.h"
#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"
#include "store/base/sql_dialect.h"

namespace dj {
namespace {

ClosedPeriod read_period(sql::Statement& s) {
    return {s.column(0).text(), s.column(1).int64(), s.column(2).int64(), s.column(3).int64(),
            s.column(4).text()};
}

constexpr const char* kPeriodColumns = "month, start_at, end_at, closed_at, closed_by";

}  // namespace

std::vector<ClosedPeriod> closed_periods(Database& db) {
    sql::Statement s(connection(db), std::string("SELECT ") + kPeriodColumns +
                                         " FROM period_close ORDER BY start_at");
    std::vector<ClosedPeriod> out;
    while (s.step())
        out.push_back(read_period(s));
    return out;
}

std::optional<ClosedPeriod> closed_period(Database& db, const std::string& month) {
    sql::Statement s(connection(db), std::string("SELECT ") + kPeriodColumns +
                                         " FROM period_close WHERE month = ?");
    s.bind(1, month);
    if (!s.step()) return std::nullopt;
    return read_period(s);
}

std::optional<ClosedPeriod> last_closed_before(Database& db, Timestamp at) {
    sql::Statement s(connection(db), std::string("SELECT ") + kPeriodColumns +
                                         " FROM period_close WHERE end_at <= ? "
                                         "ORDER BY end_at DESC LIMIT 1");
    s.bind(1, static_cast<int64_t>(at));
    if (!s.step()) return std::nullopt;
    return read_period(s);
}

const char* const kClosedThroughSql =
    "SELECT month, end_at FROM period_close ORDER BY end_at DESC LIMIT 1";

ClosedThrough closed_through(Database& db) {
    return closed_through(db.statement(kClosedThroughSql));
}

ClosedThrough closed_through(sql::Statement& s) {
    ClosedThrough c;
    if (s.step()) c = {s.column(1).int64(), s.column(0).text()};
    s.reset();
    return c;
}

std::vector<std::string> ledger_months(Database& db) {
    sql::Connection& c = connection(db);
    sql::Statement s(c, "SELECT DISTINCT " + sql::month_of_unix_time(c.engine(), "at + ?") +
                            " FROM movement ORDER BY 1");
    s.bind(1, kShopUtcOffsetMinutes * 60);
    std::vector<std::string> out;
    while (s.step())
        out.push_back(s.column(0).text());
    return out;
}

void insert_closed_period(Database& db, const ClosedPeriod& p,
                          const std::vector<StockReportRow>& rows) {
    sql::Statement head(connection(db),
                        "INSERT INTO period_close(month, start_at, end_at, closed_at, "
                        "closed_by) VALUES (?, ?, ?, ?, ?)");
    head.bind(1, p.month);
    head.bind(2, static_cast<int64_t>(p.start));
    head.bind(3, static_cast<int64_t>(p.end));
    head.bind(4, static_cast<int64_t>(p.closed_at));
    head.bind(5, p.closed_by);
    head.exec();
    // A month of a big shop is tens of thousands of rows: a chunk of them per statement.
    BatchInsert snapshot(db, "period_snapshot",
                         {"month",
                          "warehouse_id",
                          "sku_id",
                          "open_qty",
                          "open_value",
                          "receipt_qty",
                          "receipt_value",
                          "return_qty",
                          "return_value",
                          "transfer_in_qty",
                          "transfer_in_value",
                          "count_gain_qty",
                          "count_gain_value",
                          "shipment_qty",
                          "shipment_value",
                          "transfer_out_qty",
                          "transfer_out_value",
                          "count_loss_qty",
                          "count_loss_value",
                          "scrap_qty",
                          "scrap_value",
                          "close_qty",
                          "close_value"},
                         BatchInsert::Ids::none);
    snapshot.insert(rows.size(), [&](sql::Statement& row, int i, std::size_t n) {
        const StockReportRow& r = rows[n];
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
    });
}

void delete_closed_period(Database& db, const std::string& month) {
    sql::Statement s(connection(db), "DELETE FROM period_close WHERE month = ?");
    s.bind(1, month);
    s.exec();
}

std::vector<StockReportRow> load_snapshot(Database& db, const std::string& month) {
    // Column order is the table's: ids, opening, the flows in kFlows order, closing.
    sql::Statement s(connection(db),
                     "SELECT * FROM period_snapshot WHERE month = ? "
                     "ORDER BY warehouse_id = 0, warehouse_id, sku_id");
    s.bind(1, month);
    std::vector<StockReportRow> rows;
    while (s.step()) {
        StockReportRow r;
        int i = 1;
        r.warehouse_id = s.column(i++).int64();
        r.sku_id = s.column(i++).int64();
        auto read_amount = [&](Amount& a) {
            a.qty = s.column(i++).int64();
            a.value = s.column(i++).int64();
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
