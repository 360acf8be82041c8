#include "store/alerts/alert_repository.h"

#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"

namespace dj {
namespace {

// The detail column holds the alert's figures (format_alert_figures), not a sentence.
constexpr const char* kSelect =
    "SELECT a.id, a.kind, a.sku_id, a.warehouse_id, k.code, w.code, a.status, a.detail, "
    "a.opened_at, a.updated_at, a.acknowledged_at, a.acknowledged_by, a.snoozed_until, "
    "a.resolved_at FROM alert a JOIN sku k ON k.id = a.sku_id "
    "JOIN warehouse w ON w.id = a.warehouse_id ";

Alert read_alert(sql::Statement& s) {
    Alert a;
    a.id = s.column(0).int64();
    a.kind = parse_alert_kind(s.column(1).text()).value_or(AlertKind::low_stock);
    a.sku_id = s.column(2).int64();
    a.warehouse_id = s.column(3).int64();
    a.sku = s.column(4).text();
    a.warehouse = s.column(5).text();
    a.status = parse_alert_status(s.column(6).text()).value_or(AlertStatus::open);
    a.figures = s.column(7).text();
    a.opened_at = s.column(8).int64();
    a.updated_at = s.column(9).int64();
    a.acknowledged_at = read_optional(s.column(10));
    a.acknowledged_by = s.column(11).text();
    a.snoozed_until = read_optional(s.column(12));
    a.resolved_at = read_optional(s.column(13));
    return a;
}

}  // namespace

std::vector<Alert> list_alerts(Database& db, const AlertFilter& f) {
    std::vector<Alert> out;
    try {
        sql::Statement s(
            connection(db),
            std::string(kSelect) +
                "WHERE (a.status = :status OR :status IS NULL) "
                "AND (a.kind = :kind OR :kind IS NULL) AND (:sku = '' OR k.code = :sku) "
                "AND (:wh = '' OR w.code = :wh) "
                "AND (a.snoozed_until IS NULL OR a.snoozed_until <= :now OR :now IS NULL) "
                "ORDER BY a.status = 'resolved', a.updated_at DESC, a.id DESC LIMIT :limit");
        if (f.status) s.bind(":status", std::string(alert_status_code(*f.status)));
        if (f.kind) s.bind(":kind", std::string(alert_kind_code(*f.kind)));
        s.bind(":sku", f.sku);
        s.bind(":wh", f.warehouse);
        if (f.hide_snoozed_at)
            s.bind(":now", static_cast<int64_t>(*f.hide_snoozed_at));
        else
            s.bind(":now");
        s.bind(":limit", f.limit);
        while (s.step())
            out.push_back(read_alert(s));
    } catch (const sql::Error& e) {
        rethrow_storage_error(e, tr("reading alerts"));
    }
    return out;
}

Alert require_alert(Database& db, Id id) {
    sql::Statement s(connection(db), std::string(kSelect) + "WHERE a.id = ?");
    s.bind(1, static_cast<int64_t>(id));
    if (!s.step())
        throw NotFound(
            trf("Alert {0} does not exist: see alerts list for the ids", std::to_string(id)));
    return read_alert(s);
}

void mark_alert_acknowledged(Database& db, Id id, Timestamp at, const std::string& by) {
    sql::Statement s(connection(db),
                     "UPDATE alert SET status = 'acknowledged', acknowledged_at = ?, "
                     "acknowledged_by = ?, updated_at = ? WHERE id = ?");
    s.bind(1, static_cast<int64_t>(at));
    s.bind(2, by);
    s.bind(3, static_cast<int64_t>(at));
    s.bind(4, static_cast<int64_t>(id));
    s.exec();
}

void set_alert_snoozed_until(Database& db, Id id, Timestamp until) {
    sql::Statement s(connection(db), "UPDATE alert SET snoozed_until = ? WHERE id = ?");
    s.bind(1, static_cast<int64_t>(until));
    s.bind(2, static_cast<int64_t>(id));
    s.exec();
}

}  // namespace dj
