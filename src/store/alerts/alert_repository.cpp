#include "store/alerts/alert_repository.h"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/SQLiteCpp.h>

#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"
#include "store/base/sql_binding.h"

namespace dj {
namespace {

// The detail column holds the alert's figures (format_alert_figures), not a sentence.
constexpr const char* kSelect =
    "SELECT a.id, a.kind, a.sku_id, a.warehouse_id, k.code, w.code, a.status, a.detail, "
    "a.opened_at, a.updated_at, a.acknowledged_at, a.acknowledged_by, a.snoozed_until, "
    "a.resolved_at FROM alert a JOIN sku k ON k.id = a.sku_id "
    "JOIN warehouse w ON w.id = a.warehouse_id ";

Alert read_alert(SQLite::Statement& s) {
    Alert a;
    a.id = s.getColumn(0).getInt64();
    a.kind = parse_alert_kind(s.getColumn(1).getString()).value_or(AlertKind::low_stock);
    a.sku_id = s.getColumn(2).getInt64();
    a.warehouse_id = s.getColumn(3).getInt64();
    a.sku = s.getColumn(4).getString();
    a.warehouse = s.getColumn(5).getString();
    a.status = parse_alert_status(s.getColumn(6).getString()).value_or(AlertStatus::open);
    a.figures = s.getColumn(7).getString();
    a.opened_at = s.getColumn(8).getInt64();
    a.updated_at = s.getColumn(9).getInt64();
    a.acknowledged_at = read_optional(s.getColumn(10));
    a.acknowledged_by = s.getColumn(11).getString();
    a.snoozed_until = read_optional(s.getColumn(12));
    a.resolved_at = read_optional(s.getColumn(13));
    return a;
}

}  // namespace

std::vector<Alert> list_alerts(Database& db, const AlertFilter& f) {
    std::vector<Alert> out;
    try {
        SQLite::Statement s(
            connection(db),
            std::string(kSelect) +
                "WHERE (:status IS NULL OR a.status = :status) "
                "AND (:kind IS NULL OR a.kind = :kind) AND (:sku = '' OR k.code = :sku) "
                "AND (:wh = '' OR w.code = :wh) "
                "AND (:now IS NULL OR a.snoozed_until IS NULL OR a.snoozed_until <= :now) "
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
        while (s.executeStep())
            out.push_back(read_alert(s));
    } catch (const SQLite::Exception& e) {
        rethrow_storage_error(e, tr("reading alerts"));
    }
    return out;
}

Alert require_alert(Database& db, Id id) {
    SQLite::Statement s(connection(db), std::string(kSelect) + "WHERE a.id = ?");
    s.bind(1, static_cast<int64_t>(id));
    if (!s.executeStep())
        throw NotFound(
            trf("Alert {0} does not exist: see alerts list for the ids", std::to_string(id)));
    return read_alert(s);
}

Alert acknowledge_alert(Database& db, const Actor& actor, Id id, Timestamp now) {
    WriteTransaction tx(db);
    Alert a = require_alert(db, id);
    if (a.status == AlertStatus::resolved)
        throw InvalidInput(trf("Alert {0} ({1}, {2}) is already resolved: nothing to acknowledge",
                               std::to_string(id), a.sku, std::string(alert_kind_code(a.kind))));
    if (a.status == AlertStatus::open) {
        SQLite::Statement s(connection(db),
                            "UPDATE alert SET status = 'acknowledged', acknowledged_at = ?, "
                            "acknowledged_by = ?, updated_at = ? WHERE id = ?");
        s.bind(1, static_cast<int64_t>(now));
        s.bind(2, actor.user);
        s.bind(3, static_cast<int64_t>(now));
        s.bind(4, static_cast<int64_t>(id));
        s.exec();
        audit(db, actor, "alert.ack", std::to_string(id),
              std::string(alert_kind_code(a.kind)) + " " + a.sku + "@" + a.warehouse);
    }
    tx.commit();
    return require_alert(db, id);
}

Alert snooze_alert(Database& db, const Actor& actor, Id id, Timestamp until, Timestamp now) {
    WriteTransaction tx(db);
    Alert a = require_alert(db, id);
    if (a.status == AlertStatus::resolved)
        throw InvalidInput(trf("Alert {0} ({1}, {2}) is already resolved: nothing to snooze",
                               std::to_string(id), a.sku, std::string(alert_kind_code(a.kind))));
    if (until <= now)
        throw InvalidInput(trf("Alert {0}: --until {1} is not in the future", std::to_string(id),
                               format_shop_time(until)));
    SQLite::Statement s(connection(db), "UPDATE alert SET snoozed_until = ? WHERE id = ?");
    s.bind(1, static_cast<int64_t>(until));
    s.bind(2, static_cast<int64_t>(id));
    s.exec();
    audit(db, actor, "alert.snooze", std::to_string(id), "until " + format_utc(until));
    tx.commit();
    return require_alert(db, id);
}

}  // namespace dj
