#include "store/fulfilment/parcel_document_queries.h"

#include "core/base/error.h"
#include "core/base/translate.h"
#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"
#include "store/fulfilment/pack_queries.h"
#include "store/fulfilment/wave_service.h"
#include "store/fulfilment/waybill_repository.h"
#include "store/orders/order_merge.h"

namespace dj {
namespace {

struct OrderHeader {
    std::string order_no;
    std::string store_name;
    std::string warehouse_name;
    std::string buyer_nick;
    std::string buyer_note;
    Receiver receiver;
    Timestamp paid_at = 0;
};

// Statements kept on the connection: a wave prints a thousand labels, and preparing the same
// SQL for each order cost more than reading it. Each is reset after use, so no read stays open.
OrderHeader read_header(Database& db, Id order_id) {
    sql::Statement& s = db.statement(
        "SELECT o.platform_order_id, s.name, ifnull(w.name, ''), o.buyer_nick, o.buyer_note, "
        "o.receiver_name, o.receiver_phone, o.province, o.city, o.district, o.address, "
        "ifnull(o.paid_at, o.created_at) FROM shop_order o "
        "JOIN shop_store s ON s.id = o.store_id LEFT JOIN warehouse w ON w.id = o.warehouse_id "
        "WHERE o.id = ?");
    s.bind(1, static_cast<int64_t>(order_id));
    if (!s.step()) throw NotFound(trf("Order #{0} does not exist", std::to_string(order_id)));
    OrderHeader h;
    h.order_no = s.column(0).text();
    h.store_name = s.column(1).text();
    h.warehouse_name = s.column(2).text();
    h.buyer_nick = s.column(3).text();
    h.buyer_note = s.column(4).text();
    h.receiver = {s.column(5).text(), s.column(6).text(), s.column(7).text(),
                  s.column(8).text(), s.column(9).text(), s.column(10).text()};
    h.paid_at = s.column(11).int64();
    s.reset();
    return h;
}

std::optional<Waybill> read_waybill(Database& db, Id order_id) {
    sql::Statement& s = db.statement(
        "SELECT carrier, tracking_no, assigned_at FROM order_waybill WHERE order_id = ?");
    s.bind(1, static_cast<int64_t>(order_id));
    std::optional<Waybill> w;
    if (s.step()) {
        w.emplace();
        w->order_id = order_id;
        w->carrier = s.column(0).text();
        w->tracking_no = s.column(1).text();
        w->assigned_at = s.column(2).int64();
    }
    s.reset();
    return w;
}

// "TEA-0002 x1; CUP-0001 x2": the SKUs in the order they were bought, over every order of the
// parcel whose head is `head`.
std::string items_summary(Database& db, Id head) {
    sql::Statement& s = db.statement(
        "SELECT k.code, sum(i.qty) FROM order_line_item i JOIN order_line l ON "
        "l.id = i.order_line_id JOIN sku k ON k.id = i.sku_id WHERE l.order_id IN (SELECT ?1 "
        "UNION ALL SELECT order_id FROM order_merge WHERE parcel_order_id = ?1) "
        "GROUP BY k.id ORDER BY min(i.id)");
    s.bind(1, static_cast<int64_t>(head));
    std::string items;
    while (s.step())
        items += (items.empty() ? "" : "; ") + s.column(0).text() + " x" +
                 std::to_string(s.column(1).int64());
    s.reset();
    return items;
}

// "1001 +2": the head's number and how many orders ride with it, short enough for a label.
std::string parcel_number(Database& db, Id head, const std::string& head_no) {
    std::size_t merged = parcel_orders(db, head).size() - 1;
    return merged == 0 ? head_no : head_no + " +" + std::to_string(merged);
}

}  // namespace

LabelData order_label_data(Database& db, Id order, Timestamp now) {
    Id order_id = parcel_head(db, order);
    OrderHeader h = read_header(db, order_id);
    std::optional<Waybill> waybill = read_waybill(db, order_id);
    if (!waybill)
        throw InvalidInput(
            trf("Order {0} has no tracking number: assign one with order waybill "
                "{0} --carrier CODE --tracking NO",
                h.order_no));
    LabelData d;
    d.carrier = waybill->carrier;
    d.tracking_no = waybill->tracking_no;
    d.order_no = parcel_number(db, order_id, h.order_no);
    d.store_name = h.store_name;
    d.sender_name = h.store_name;
    d.sender_address = h.warehouse_name;
    d.receiver = h.receiver;
    d.items = items_summary(db, order_id);
    d.printed_at = now;
    return d;
}

std::vector<LabelData> wave_label_data(Database& db, const std::string& wave_number,
                                       Timestamp now) {
    std::vector<LabelData> labels;
    for (const WaveSlot& slot : WaveService(db).wave_slots(wave_number)) {
        labels.push_back(order_label_data(db, slot.order_id, now));
        labels.back().wave = wave_number + " / " + std::to_string(slot.slot);
    }
    return labels;
}

PackingList packing_list_data(Database& db, Id order, Timestamp now) {
    Id order_id = parcel_head(db, order);
    OrderHeader h = read_header(db, order_id);
    PackingList p;
    // The buyer sees every order the parcel answers.
    std::vector<Id> parcel = parcel_orders(db, order_id);
    sql::Statement no(connection(db),
                      "SELECT platform_order_id, paid_amount_fen FROM shop_order WHERE id = ?");
    for (Id id : parcel) {
        no.reset();
        no.bind(1, static_cast<int64_t>(id));
        if (!no.step()) continue;
        p.order_no += (p.order_no.empty() ? "" : ", ") + no.column(0).text();
        p.paid_amount += no.column(1).int64();
    }
    p.store_name = h.store_name;
    p.buyer_nick = h.buyer_nick;
    p.receiver = h.receiver;
    p.buyer_note = h.buyer_note;
    if (auto w = find_waybill(db, order_id)) {
        p.carrier = w->carrier;
        p.tracking_no = w->tracking_no;
    }
    p.paid_at = h.paid_at;
    sql::Statement spec(connection(db), "SELECT spec FROM sku WHERE id = ?");
    for (const PackItem& item : order_pack_items(db, order_id)) {
        spec.reset();
        spec.bind(1, static_cast<int64_t>(item.sku_id));
        std::string s = spec.step() ? spec.column(0).text() : "";
        p.lines.push_back({item.sku_code, item.name, s, item.expected});
    }
    p.printed_at = now;
    return p;
}

}  // namespace dj
