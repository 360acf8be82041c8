#include "store/fulfilment/waybill_request_repository.h"

#include <algorithm>

#include "core/base/deferred_text.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"
#include "store/orders/order_merge.h"
#include "store/orders/order_split.h"

namespace dj {

std::vector<WaybillParcel> waybill_parcels(Database& db, const std::vector<Id>& order_ids) {
    sql::Connection& c = connection(db);
    sql::Statement head_row(
        c,
        "SELECT o.platform_order_id, o.store_id, s.code, o.status, o.receiver_name, "
        "o.receiver_phone, o.province, o.city, o.district, o.address, "
        "(SELECT reason FROM order_hold h WHERE h.order_id = o.id ORDER BY h.at LIMIT 1), "
        "EXISTS (SELECT 1 FROM order_waybill w WHERE w.order_id = o.id) "
        "FROM shop_order o JOIN shop_store s ON s.id = o.store_id WHERE o.id = ?");
    sql::Statement lines(c,
                         "SELECT title, quantity FROM order_line WHERE order_id = ? ORDER BY id");
    std::vector<WaybillParcel> parcels;
    std::vector<Id> heads;
    for (Id id : order_ids) {
        Id head = parcel_head(db, id);
        if (std::find(heads.begin(), heads.end(), head) != heads.end()) continue;
        head_row.reset();
        head_row.bind(1, static_cast<int64_t>(head));
        if (!head_row.step()) throw NotFound(trf("Order #{0} does not exist", std::to_string(id)));
        heads.push_back(head);
        WaybillParcel p;
        p.head = head;
        p.order_no = head_row.column(0).text();
        p.store_id = head_row.column(1).int64();
        p.store = head_row.column(2).text();
        p.status = parse_order_status(head_row.column(3).text());
        p.receiver = {head_row.column(4).text(), head_row.column(5).text(),
                      head_row.column(6).text(), head_row.column(7).text(),
                      head_row.column(8).text(), head_row.column(9).text()};
        p.hold = head_row.column(10).is_null() ? "" : readable(head_row.column(10).text());
        p.has_waybill = head_row.column(11).int32() != 0;
        for (Id member : parcel_orders(db, head)) {
            std::string subject = shipment_subject(db, member);
            if (std::find(p.platform_order_ids.begin(), p.platform_order_ids.end(), subject) ==
                p.platform_order_ids.end())
                p.platform_order_ids.push_back(subject);
            lines.reset();
            lines.bind(1, static_cast<int64_t>(member));
            while (lines.step())
                p.items.emplace_back(lines.column(0).text(), lines.column(1).int64());
        }
        parcels.push_back(std::move(p));
    }
    return parcels;
}

namespace {

constexpr const char* kRequestColumns =
    "SELECT object_id, order_id, account_id, state, COALESCE(tracking_no, ''), message "
    "FROM waybill_request ";

WaybillRequestRow read_request(sql::Statement& s) {
    return {s.column(0).text(), s.column(1).int64(), s.column(2).int64(),
            s.column(3).text(), s.column(4).text(),  s.column(5).text()};
}

}  // namespace

WaybillRequestRow open_waybill_request(Database& db, Id head, Id account_id, Timestamp now) {
    sql::Connection& c = connection(db);
    sql::Statement open(
        c, std::string(kRequestColumns) + "WHERE order_id = ? AND state IN ('asked', 'issued')");
    open.bind(1, static_cast<int64_t>(head));
    if (open.step()) return read_request(open);
    sql::Statement count(c, "SELECT COUNT(*) FROM waybill_request WHERE order_id = ?");
    count.bind(1, static_cast<int64_t>(head));
    count.step();
    WaybillRequestRow row{
        "DJ" + std::to_string(head) + "-" + std::to_string(count.column(0).int64() + 1),
        head,
        account_id,
        "asked",
        "",
        ""};
    sql::Statement insert(c,
                          "INSERT INTO waybill_request (object_id, order_id, account_id, state, "
                          "asked_at) VALUES (?, ?, ?, 'asked', ?)");
    insert.bind(1, row.object_id);
    insert.bind(2, static_cast<int64_t>(head));
    insert.bind(3, static_cast<int64_t>(account_id));
    insert.bind(4, static_cast<int64_t>(now));
    insert.exec();
    return row;
}

std::optional<WaybillRequestRow> find_waybill_request(Database& db, const std::string& object_id) {
    sql::Statement s(connection(db), std::string(kRequestColumns) + "WHERE object_id = ?");
    s.bind(1, object_id);
    if (!s.step()) return std::nullopt;
    return read_request(s);
}

void settle_waybill_request(Database& db, const std::string& object_id, const std::string& state,
                            const std::string& tracking_no, const std::string& message,
                            Timestamp now) {
    sql::Statement s(connection(db),
                     "UPDATE waybill_request SET state = ?, tracking_no = "
                     "COALESCE(NULLIF(?, ''), tracking_no), message = ?, settled_at = ? "
                     "WHERE object_id = ?");
    s.bind(1, state);
    s.bind(2, tracking_no);
    s.bind(3, message);
    s.bind(4, static_cast<int64_t>(now));
    s.bind(5, object_id);
    s.exec();
}

}  // namespace dj
