#include "store/fulfilment/waybill_repository.h"

#include "core/base/error.h"
#include "core/base/translate.h"
#include "core/fulfilment/carrier.h"
#include "store/base/batch_insert.h"
#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"
#include "store/orders/order_merge.h"

namespace dj {

void save_waybill(Database& db, const Waybill& w) {
    sql::Statement s(connection(db),
                     "INSERT INTO order_waybill (order_id, carrier, tracking_no, assigned_at, "
                     "source, object_id, print_data) VALUES (?, ?, ?, ?, ?, ?, ?) "
                     "ON CONFLICT (order_id) DO UPDATE SET "
                     "carrier = excluded.carrier, tracking_no = excluded.tracking_no, "
                     "assigned_at = excluded.assigned_at, source = excluded.source, "
                     "object_id = excluded.object_id, print_data = excluded.print_data");
    s.bind(1, static_cast<int64_t>(w.order_id));
    s.bind(2, w.carrier);
    s.bind(3, w.tracking_no);
    s.bind(4, static_cast<int64_t>(w.assigned_at));
    s.bind(5, w.from_platform ? "platform" : "manual");
    if (w.object_id.empty())
        s.bind(6);
    else
        s.bind(6, w.object_id);
    if (w.print_data.empty())
        s.bind(7);
    else
        s.bind(7, w.print_data);
    s.exec();
}

void remove_waybill(Database& db, Id order_id) {
    sql::Statement s(connection(db), "DELETE FROM order_waybill WHERE order_id = ?");
    s.bind(1, static_cast<int64_t>(parcel_head(db, order_id)));
    s.exec();
}

void insert_waybills(Database& db, const std::vector<Waybill>& waybills) {
    std::vector<std::string> carriers;
    carriers.reserve(waybills.size());
    for (const Waybill& w : waybills) {
        const Carrier& carrier = require_carrier(w.carrier, "waybill");
        require_tracking_shape(carrier, w.tracking_no, "waybill");
        carriers.emplace_back(carrier.code);
    }
    BatchInsert rows(db, "order_waybill", {"order_id", "carrier", "tracking_no", "assigned_at"},
                     BatchInsert::Ids::none);
    rows.insert(waybills.size(), [&](sql::Statement& s, int first, std::size_t n) {
        const Waybill& w = waybills[n];
        s.bind(first, static_cast<int64_t>(w.order_id));
        s.bind(first + 1, carriers[n]);
        s.bind(first + 2, w.tracking_no);
        s.bind(first + 3, static_cast<int64_t>(w.assigned_at));
    });
}

std::optional<Waybill> find_waybill(Database& db, Id order_id) {
    sql::Statement s(connection(db),
                     "SELECT carrier, tracking_no, assigned_at, source, "
                     "COALESCE(object_id, ''), COALESCE(print_data, '') FROM order_waybill "
                     "WHERE order_id = ?");
    s.bind(1, static_cast<int64_t>(parcel_head(db, order_id)));
    if (!s.step()) return std::nullopt;
    return Waybill{order_id,
                   s.column(0).text(),
                   s.column(1).text(),
                   s.column(2).int64(),
                   s.column(3).text() == "platform",
                   s.column(4).text(),
                   s.column(5).text()};
}

std::optional<Id> find_order_by_tracking(Database& db, const std::string& tracking_no) {
    sql::Statement s(connection(db), "SELECT order_id FROM order_waybill WHERE tracking_no = ?");
    s.bind(1, tracking_no);
    if (!s.step()) return std::nullopt;
    return s.column(0).int64();
}

}  // namespace dj
