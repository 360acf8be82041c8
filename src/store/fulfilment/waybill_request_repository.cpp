#include "store/fulfilment/waybill_request_repository.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "core/base/deferred_text.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "store/base/database.h"
#include "store/base/sql_binding.h"
#include "store/orders/order_merge.h"
#include "store/orders/order_split.h"

namespace dj {

std::vector<WaybillParcel> waybill_parcels(Database& db, const std::vector<Id>& order_ids) {
    SQLite::Database& c = connection(db);
    SQLite::Statement head_row(
        c,
        "SELECT o.platform_order_id, o.store_id, s.code, o.status, o.receiver_name, "
        "o.receiver_phone, o.province, o.city, o.district, o.address, "
        "(SELECT reason FROM order_hold h WHERE h.order_id = o.id ORDER BY h.at LIMIT 1), "
        "EXISTS (SELECT 1 FROM order_waybill w WHERE w.order_id = o.id) "
        "FROM shop_order o JOIN shop_store s ON s.id = o.store_id WHERE o.id = ?");
    SQLite::Statement lines(
        c, "SELECT title, quantity FROM order_line WHERE order_id = ? ORDER BY id");
    std::vector<WaybillParcel> parcels;
    std::vector<Id> heads;
    for (Id id : order_ids) {
        Id head = parcel_head(db, id);
        if (std::find(heads.begin(), heads.end(), head) != heads.end()) continue;
        head_row.reset();
        head_row.bind(1, static_cast<int64_t>(head));
        if (!head_row.executeStep())
            throw NotFound(trf("Order #{0} does not exist", std::to_string(id)));
        heads.push_back(head);
        WaybillParcel p;
        p.head = head;
        p.order_no = head_row.getColumn(0).getString();
        p.store_id = head_row.getColumn(1).getInt64();
        p.store = head_row.getColumn(2).getString();
        p.status = parse_order_status(head_row.getColumn(3).getString());
        p.receiver = {head_row.getColumn(4).getString(), head_row.getColumn(5).getString(),
                      head_row.getColumn(6).getString(), head_row.getColumn(7).getString(),
                      head_row.getColumn(8).getString(), head_row.getColumn(9).getString()};
        p.hold =
            head_row.getColumn(10).isNull() ? "" : readable(head_row.getColumn(10).getString());
        p.has_waybill = head_row.getColumn(11).getInt() != 0;
        for (Id member : parcel_orders(db, head)) {
            std::string subject = shipment_subject(db, member);
            if (std::find(p.platform_order_ids.begin(), p.platform_order_ids.end(), subject) ==
                p.platform_order_ids.end())
                p.platform_order_ids.push_back(subject);
            lines.reset();
            lines.bind(1, static_cast<int64_t>(member));
            while (lines.executeStep())
                p.items.emplace_back(lines.getColumn(0).getString(), lines.getColumn(1).getInt64());
        }
        parcels.push_back(std::move(p));
    }
    return parcels;
}

namespace {

constexpr const char* kRequestColumns =
    "SELECT object_id, order_id, account_id, state, COALESCE(tracking_no, ''), message "
    "FROM waybill_request ";

WaybillRequestRow read_request(SQLite::Statement& s) {
    return {s.getColumn(0).getString(), s.getColumn(1).getInt64(),  s.getColumn(2).getInt64(),
            s.getColumn(3).getString(), s.getColumn(4).getString(), s.getColumn(5).getString()};
}

}  // namespace

WaybillRequestRow open_waybill_request(Database& db, Id head, Id account_id, Timestamp now) {
    SQLite::Database& c = connection(db);
    SQLite::Statement open(
        c, std::string(kRequestColumns) + "WHERE order_id = ? AND state IN ('asked', 'issued')");
    open.bind(1, static_cast<int64_t>(head));
    if (open.executeStep()) return read_request(open);
    SQLite::Statement count(c, "SELECT COUNT(*) FROM waybill_request WHERE order_id = ?");
    count.bind(1, static_cast<int64_t>(head));
    count.executeStep();
    WaybillRequestRow row{
        "DJ" + std::to_string(head) + "-" + std::to_string(count.getColumn(0).getInt64() + 1),
        head,
        account_id,
        "asked",
        "",
        ""};
    SQLite::Statement insert(c,
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
    SQLite::Statement s(connection(db), std::string(kRequestColumns) + "WHERE object_id = ?");
    s.bind(1, object_id);
    if (!s.executeStep()) return std::nullopt;
    return read_request(s);
}

void settle_waybill_request(Database& db, const std::string& object_id, const std::string& state,
                            const std::string& tracking_no, const std::string& message,
                            Timestamp now) {
    SQLite::Statement s(connection(db),
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
