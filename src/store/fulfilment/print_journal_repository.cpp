#include "store/fulfilment/print_journal_repository.h"

#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"
#include "store/orders/order_merge.h"

namespace dj {

void record_print_task(Database& db, const std::string& task_id, const std::string& component,
                       const std::string& printer, const Actor& actor, Timestamp now,
                       const std::vector<std::pair<std::string, Id>>& documents, bool reprint) {
    sql::Connection& c = connection(db);
    sql::Statement task(c,
                        "INSERT INTO print_task (task_id, component, printer, sent_at, by_user, "
                        "by_role, station) VALUES (?, ?, ?, ?, ?, ?, ?)");
    task.bind(1, task_id);
    task.bind(2, component);
    task.bind(3, printer);
    task.bind(4, static_cast<int64_t>(now));
    task.bind(5, actor.user);
    task.bind(6, actor.role);
    task.bind(7, actor.workstation);
    task.exec();
    sql::Statement doc(c,
                       "INSERT INTO print_document (task_id, document_id, order_id, state, "
                       "reprint, updated_at) VALUES (?, ?, ?, 'sent', ?, ?)");
    for (const auto& [tracking, order] : documents) {
        doc.reset();
        doc.bind(1, task_id);
        doc.bind(2, tracking);
        doc.bind(3, static_cast<int64_t>(order));
        doc.bind(4, reprint ? 1 : 0);
        doc.bind(5, static_cast<int64_t>(now));
        doc.exec();
    }
}

void set_print_state(Database& db, const std::string& task_id, const std::string& document_id,
                     const std::string& state, const std::string& message, Timestamp now) {
    sql::Statement s(connection(db),
                     "UPDATE print_document SET state = ?, message = ?, updated_at = ? "
                     "WHERE task_id = ? AND document_id = ? AND state <> 'printed'");
    s.bind(1, state);
    s.bind(2, message);
    s.bind(3, static_cast<int64_t>(now));
    s.bind(4, task_id);
    s.bind(5, document_id);
    s.exec();
}

WaybillPrints waybill_prints(Database& db, const std::string& tracking_no) {
    sql::Statement s(connection(db),
                     "SELECT d.task_id, d.state, d.message FROM print_document d JOIN "
                     "print_task t ON t.task_id = d.task_id WHERE d.document_id = ? "
                     "ORDER BY t.sent_at, d.task_id");
    s.bind(1, tracking_no);
    WaybillPrints p;
    while (s.step()) {
        ++p.tasks;
        std::string state = s.column(1).text();
        p.last_state = state;
        p.last_message = s.column(2).text();
        if (state == "printed") p.printed = true;
        if (state == "sent" || state == "accepted" || state == "rendered")
            p.open_tasks.push_back(s.column(0).text());
    }
    return p;
}

std::string component_printer(Database& db, const std::string& station,
                              const std::string& component) {
    sql::Statement s(connection(db),
                     "SELECT printer FROM component_printer WHERE station = ? AND component = ?");
    s.bind(1, station);
    s.bind(2, component);
    return s.step() ? s.column(0).text() : std::string();
}

void save_component_printer(Database& db, const std::string& station, const std::string& component,
                            const std::string& printer) {
    sql::Statement s(connection(db),
                     printer.empty()
                         ? "DELETE FROM component_printer WHERE station = ? AND component = ?"
                         : "INSERT INTO component_printer (station, component, printer) VALUES "
                           "(?, ?, ?) ON CONFLICT (station, component) DO UPDATE SET "
                           "printer = excluded.printer");
    s.bind(1, station);
    s.bind(2, component);
    if (!printer.empty()) s.bind(3, printer);
    s.exec();
}

std::vector<Id> failed_print_orders(Database& db) {
    sql::Statement s(
        connection(db),
        "SELECT w.order_id FROM order_waybill w WHERE "
        "(SELECT d.state FROM print_document d JOIN print_task t ON t.task_id = d.task_id "
        "WHERE d.document_id = w.tracking_no ORDER BY t.sent_at DESC, d.task_id DESC LIMIT 1) = "
        "'failed' AND NOT EXISTS (SELECT 1 FROM print_document d WHERE d.document_id = "
        "w.tracking_no AND d.state = 'printed') ORDER BY w.order_id");
    std::vector<Id> ids;
    while (s.step())
        ids.push_back(s.column(0).int64());
    return ids;
}

std::vector<PrintJournalRow> print_journal_rows(Database& db, const std::vector<Id>& order_ids,
                                                bool failed_only, int limit) {
    std::string sql =
        "SELECT d.task_id, d.document_id, d.order_id, o.platform_order_id, t.component, "
        "t.printer, d.state, d.reprint, d.message, t.sent_at, d.updated_at, t.by_user, t.station "
        "FROM print_document d JOIN print_task t ON t.task_id = d.task_id "
        "JOIN shop_order o ON o.id = d.order_id WHERE 1 = 1";
    if (failed_only) sql += " AND d.state = 'failed'";
    if (!order_ids.empty()) {
        sql += " AND d.order_id IN (";
        for (std::size_t i = 0; i < order_ids.size(); ++i)
            sql += (i ? ", " : "") + std::to_string(parcel_head(db, order_ids[i]));
        sql += ")";
    }
    sql += " ORDER BY t.sent_at DESC, d.task_id DESC LIMIT " + std::to_string(limit);
    sql::Statement s(connection(db), sql);
    std::vector<PrintJournalRow> rows;
    while (s.step())
        rows.push_back({s.column(0).text(), s.column(1).text(), s.column(2).int64(),
                        s.column(3).text(), s.column(4).text(), s.column(5).text(),
                        s.column(6).text(), s.column(7).int32() != 0, s.column(8).text(),
                        s.column(9).int64(), s.column(10).int64(), s.column(11).text(),
                        s.column(12).text()});
    return rows;
}

}  // namespace dj
