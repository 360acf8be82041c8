#include "store/orders/order_repository.h"

#include <unordered_map>

#include "core/base/deferred_text.h"
#include "core/base/translate.h"
#include "store/base/database.h"
#include "store/base/held_rows.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"

namespace dj {
namespace {

bool same_header(const Order& a, const Order& b) {
    const Receiver& x = a.receiver;
    const Receiver& y = b.receiver;
    return a.status == b.status && a.buyer_nick == b.buyer_nick && a.buyer_note == b.buyer_note &&
           a.seller_memo == b.seller_memo && a.seller_flag == b.seller_flag && x.name == y.name &&
           x.phone == y.phone && x.province == y.province && x.city == y.city &&
           x.district == y.district && x.address == y.address && a.paid_amount == b.paid_amount &&
           a.freight == b.freight && a.created_at == b.created_at && a.paid_at == b.paid_at &&
           a.modified_at == b.modified_at && a.promised_ship_at == b.promised_ship_at &&
           a.presale == b.presale && a.merge_key == b.merge_key;
}

// The header's columns in the order of INSERT INTO shop_order, from parameter `first` on.
void bind_header(sql::Statement& s, const Order& o, int first = 1) {
    const int p = first - 1;
    s.bind(p + 1, std::string(order_status_code(o.status)));
    s.bind(p + 2, o.buyer_nick);
    s.bind(p + 3, o.buyer_note);
    s.bind(p + 4, o.seller_memo);
    s.bind(p + 5, o.seller_flag);
    s.bind(p + 6, o.receiver.name);
    s.bind(p + 7, o.receiver.phone);
    s.bind(p + 8, o.receiver.province);
    s.bind(p + 9, o.receiver.city);
    s.bind(p + 10, o.receiver.district);
    s.bind(p + 11, o.receiver.address);
    s.bind(p + 12, static_cast<int64_t>(o.paid_amount));
    s.bind(p + 13, static_cast<int64_t>(o.freight));
    s.bind(p + 14, static_cast<int64_t>(o.created_at));
    bind_optional(s, p + 15, o.paid_at);
    s.bind(p + 16, static_cast<int64_t>(o.modified_at));
    bind_optional(s, p + 17, o.promised_ship_at);
    s.bind(p + 18, o.presale ? 1 : 0);
    s.bind(p + 21, o.merge_key);
}

}  // namespace

OrderRepository::OrderRepository(Database& db)
    : db_(db),
      headers_(
          db, "shop_order",
          {"status",        "buyer_nick",       "buyer_note",   "seller_memo", "seller_flag",
           "receiver_name", "receiver_phone",   "province",     "city",        "district",
           "address",       "paid_amount_fen",  "freight_fen",  "created_at",  "paid_at",
           "modified_at",   "promised_ship_at", "presale",      "store_id",    "platform_order_id",
           "merge_key",     "allocation",       "warehouse_id", "priority"}),
      lines_(db, "order_line",
             {"order_id", "line_no", "platform_sku_id", "seller_code", "title", "quantity",
              "unit_price_fen", "presale"}) {}

std::optional<Id> OrderRepository::find_id(Id store_id, const std::string& platform_order_id) {
    sql::Statement& s =
        db_.statement("SELECT id FROM shop_order WHERE store_id = ? AND platform_order_id = ?");
    s.bind(1, static_cast<int64_t>(store_id));
    s.bind(2, platform_order_id);
    std::optional<Id> id;
    if (s.step()) id = s.column(0).int64();
    s.reset();
    return id;
}

std::map<std::string, Id> OrderRepository::find_ids(Id store_id,
                                                    const std::vector<std::string>& numbers) {
    static const ChunkedQuery query(
        "SELECT platform_order_id, id FROM shop_order WHERE store_id = ? AND platform_order_id IN "
        "({list})");
    std::map<std::string, Id> found;
    for (std::size_t done = 0; done < numbers.size();) {
        const std::size_t n = batch_chunk(numbers.size() - done);
        sql::Statement& s = db_.statement(query.text(n));
        s.bind(1, static_cast<int64_t>(store_id));
        for (std::size_t i = 0; i < n; ++i)
            s.bind(static_cast<int>(i) + 2, numbers[done + i]);
        while (s.step())
            found.emplace(s.column(0).text(), s.column(1).int64());
        s.reset();
        done += n;
    }
    return found;
}

OrderRepository::LocalFields OrderRepository::local_fields(Id id) {
    sql::Statement& s = db_.statement("SELECT priority, note FROM shop_order WHERE id = ?");
    s.bind(1, static_cast<int64_t>(id));
    LocalFields f;
    if (s.step()) {
        f.priority = s.column(0).int32();
        f.note = s.column(1).text();
    }
    s.reset();
    return f;
}

void OrderRepository::save_local_fields(Id id, const LocalFields& fields) {
    sql::Statement& s = db_.statement("UPDATE shop_order SET priority = ?, note = ? WHERE id = ?");
    s.bind(1, fields.priority);
    s.bind(2, fields.note);
    s.bind(3, static_cast<int64_t>(id));
    s.exec();
}

std::vector<std::pair<Id, std::string>> OrderRepository::to_ship_platforms() {
    sql::Statement s(connection(db_),
                     "SELECT o.id, st.platform FROM shop_order o JOIN shop_store st "
                     "ON st.id = o.store_id WHERE o.status = 'to_ship' ORDER BY o.id");
    std::vector<std::pair<Id, std::string>> out;
    while (s.step())
        out.emplace_back(s.column(0).int64(), s.column(1).text());
    return out;
}

std::vector<Id> OrderRepository::find_ids(const std::string& platform_order_id,
                                          const std::string& store) {
    sql::Statement& s = db_.statement(
        "SELECT o.id FROM shop_order o JOIN shop_store s ON s.id = o.store_id "
        "WHERE o.platform_order_id = ?1 AND (?2 = '' OR s.code = ?2 OR s.name = ?2) ORDER BY o.id");
    s.bind(1, platform_order_id);
    s.bind(2, store);
    std::vector<Id> ids;
    while (s.step())
        ids.push_back(s.column(0).int64());
    s.reset();
    return ids;
}

UpsertResult OrderRepository::upsert(const Order& order, const std::optional<Order>& stored) {
    try {
        UpsertResult result;
        bool write_lines = true;
        if (stored) {
            result.id = stored->id;
            if (order.modified_at < stored->modified_at) {
                result.outcome = UpsertOutcome::stale;
                return result;
            }
            result.lines_changed = !same_lines(stored->lines, order.lines);
            if (!result.lines_changed && same_header(*stored, order)) {
                result.outcome = UpsertOutcome::unchanged;
                return result;
            }
            result.outcome = UpsertOutcome::updated;
            sql::Statement& s = db_.statement(
                "UPDATE shop_order SET status = ?1, buyer_nick = ?2, buyer_note = ?3, "
                "seller_memo = ?4, seller_flag = ?5, receiver_name = ?6, receiver_phone = ?7, "
                "province = ?8, city = ?9, district = ?10, address = ?11, paid_amount_fen = ?12, "
                "freight_fen = ?13, created_at = ?14, paid_at = ?15, modified_at = ?16, "
                "promised_ship_at = ?17, presale = ?18, merge_key = ?21 WHERE id = ?19");
            bind_header(s, order);
            s.bind(19, static_cast<int64_t>(stored->id));
            s.exec();
            db_.rows_changed();  // its buyer or time may be another now
            write_lines = result.lines_changed;
            if (write_lines) {
                sql::Statement& del = db_.statement("DELETE FROM order_line WHERE order_id = ?");
                del.bind(1, static_cast<int64_t>(stored->id));
                del.exec();
            }
        } else {
            result.id = db_.held_rows()
                            .insert(headers_, 1,
                                    [&](sql::Statement& s, int first, std::size_t) {
                                        bind_header(s, order, first);
                                        s.bind(first + 18, static_cast<int64_t>(order.store_id));
                                        s.bind(first + 19, order.platform_order_id);
                                        // Allocating decides these (OrderAllocator).
                                        s.bind(first + 21, "none");
                                        s.bind(first + 22);
                                        s.bind(first + 23, 0);  // the rules' (OrderReviewer)
                                    })
                            .front();
            result.outcome = UpsertOutcome::created;
            result.lines_changed = true;
        }
        if (write_lines) {
            result.line_ids = db_.held_rows().insert(
                lines_, order.lines.size(), [&](sql::Statement& s, int first, std::size_t n) {
                    const OrderLine& l = order.lines[n];
                    s.bind(first, static_cast<int64_t>(result.id));
                    s.bind(first + 1, static_cast<int64_t>(n + 1));
                    s.bind(first + 2, l.platform_sku_id);
                    s.bind(first + 3, l.seller_code);
                    s.bind(first + 4, l.title);
                    s.bind(first + 5, static_cast<int64_t>(l.quantity));
                    s.bind(first + 6, static_cast<int64_t>(l.unit_price));
                    s.bind(first + 7, l.presale ? 1 : 0);
                });
        }
        return result;
    } catch (const sql::Error& e) {
        rethrow_storage_error(e, trf("saving order {0}", order.platform_order_id));
    }
}

std::optional<Order> OrderRepository::find(Id id) {
    sql::Statement& s = db_.statement(
        "SELECT store_id, platform_order_id, status, buyer_nick, buyer_note, seller_memo, "
        "seller_flag, receiver_name, receiver_phone, province, city, district, address, "
        "paid_amount_fen, freight_fen, created_at, paid_at, modified_at, promised_ship_at, "
        "allocation, warehouse_id, presale, merge_key FROM shop_order WHERE id = ?");
    s.bind(1, static_cast<int64_t>(id));
    // Header and lines in one round trip on a server.
    sql::Statement& l = db_.statement(
        "SELECT id, platform_sku_id, seller_code, title, quantity, unit_price_fen, presale "
        "FROM order_line WHERE order_id = ? AND gift_rule IS NULL ORDER BY line_no");
    l.bind(1, static_cast<int64_t>(id));
    s.prefetch();
    l.prefetch();
    if (!s.step()) {
        l.reset();
        return std::nullopt;
    }
    Order o;
    o.id = id;
    o.store_id = s.column(0).int64();
    o.platform_order_id = s.column(1).text();
    o.status = parse_order_status(s.column(2).text());
    o.buyer_nick = s.column(3).text();
    o.buyer_note = s.column(4).text();
    o.seller_memo = s.column(5).text();
    o.seller_flag = s.column(6).int32();
    o.receiver = {s.column(7).text(),  s.column(8).text(),  s.column(9).text(),
                  s.column(10).text(), s.column(11).text(), s.column(12).text()};
    o.paid_amount = s.column(13).int64();
    o.freight = s.column(14).int64();
    o.created_at = s.column(15).int64();
    o.paid_at = read_optional(s.column(16));
    o.modified_at = s.column(17).int64();
    o.promised_ship_at = read_optional(s.column(18));
    o.allocation = parse_allocation(s.column(19).text());
    o.warehouse_id = read_optional(s.column(20));
    o.presale = s.column(21).int32() != 0;
    o.merge_key = s.column(22).text();
    s.reset();
    while (l.step()) {
        o.lines.push_back({l.column(0).int64(), l.column(1).text(), l.column(2).text(),
                           l.column(3).text(), l.column(4).int64(), l.column(5).int64(),
                           l.column(6).int32() != 0});
    }
    return o;
}

std::vector<OrderSummary> OrderRepository::list(const OrderFilter& filter) {
    constexpr const char* kWhere =
        "WHERE (o.status = ?1 OR ?1 IS NULL) AND (?2 = '' OR st.code = ?2 OR st.name = ?2) "
        "AND (?4 = '' OR EXISTS (SELECT 1 FROM order_tag t WHERE t.order_id = o.id AND "
        "t.tag = ?4)) ";
    auto bind_filter = [&](sql::Statement& s) {
        if (filter.status)
            s.bind(1, std::string(order_status_code(*filter.status)));
        else
            s.bind(1);
        s.bind(2, filter.store);
        s.bind(3, filter.limit > 0 ? filter.limit : INT64_MAX);
        s.bind(4, filter.tag);
    };
    sql::Statement s(
        connection(db_),
        std::string("SELECT o.id, st.code, st.platform, o.platform_order_id, o.status, "
                    "o.allocation, ifnull(w.code, ''), o.receiver_name, o.province, o.city, "
                    "o.paid_amount_fen, o.seller_memo, (SELECT ifnull(sum(quantity), 0) FROM "
                    "order_line WHERE order_id = o.id), o.created_at, o.paid_at, o.modified_at, "
                    "o.promised_ship_at, o.priority, (SELECT group_concat(tag, char(31)) FROM "
                    "(SELECT tag FROM order_tag WHERE order_id = o.id ORDER BY tag) t), "
                    "(SELECT h.reason FROM order_hold h WHERE h.order_id = o.id ORDER BY "
                    "h.intercept DESC, h.at LIMIT 1), "
                    "(SELECT p.platform_order_id FROM order_merge m JOIN shop_order p ON "
                    "p.id = m.parcel_order_id WHERE m.order_id = o.id), "
                    "(SELECT p.platform_order_id FROM shop_order p WHERE p.id = o.split_from), "
                    "o.buyer_nick, o.receiver_phone, o.district, o.address "
                    "FROM shop_order o JOIN shop_store st ON st.id = o.store_id "
                    "LEFT JOIN warehouse w ON w.id = o.warehouse_id ") +
            kWhere + "ORDER BY o.created_at, o.id LIMIT ?3");
    bind_filter(s);
    std::vector<OrderSummary> out;
    std::unordered_map<Id, std::size_t> index;
    while (s.step()) {
        OrderSummary o;
        o.id = s.column(0).int64();
        o.store = s.column(1).text();
        o.platform = s.column(2).text();
        o.platform_order_id = s.column(3).text();
        o.status = parse_order_status(s.column(4).text());
        o.allocation = parse_allocation(s.column(5).text());
        o.warehouse = s.column(6).text();
        o.receiver_name = s.column(7).text();
        o.province = s.column(8).text();
        o.city = s.column(9).text();
        o.paid_amount = s.column(10).int64();
        o.seller_memo = s.column(11).text();
        o.units = s.column(12).int64();
        o.created_at = s.column(13).int64();
        o.paid_at = read_optional(s.column(14));
        o.modified_at = s.column(15).int64();
        o.promised_ship_at = read_optional(s.column(16));
        o.priority = s.column(17).int32();
        if (!s.column(18).is_null()) {
            std::string tags = s.column(18).text();
            std::size_t start = 0;
            for (std::size_t end; (end = tags.find('\x1f', start)) != std::string::npos;
                 start = end + 1)
                o.tags.push_back(tags.substr(start, end - start));
            o.tags.push_back(tags.substr(start));
        }
        if (!s.column(19).is_null()) o.hold_reason = readable(s.column(19).text());
        if (!s.column(20).is_null()) o.parcel = s.column(20).text();
        if (!s.column(21).is_null()) o.split_from = s.column(21).text();
        o.buyer_nick = s.column(22).text();
        o.receiver_phone = s.column(23).text();
        o.district = s.column(24).text();
        o.address = s.column(25).text();
        index[o.id] = out.size();
        out.push_back(std::move(o));
    }
    // All lines of the listed orders in one pass, with the local SKUs they map to.
    sql::Statement l(
        connection(db_),
        std::string("SELECT l.order_id, l.platform_sku_id, l.seller_code, l.quantity, "
                    "l.unit_price_fen, (SELECT group_concat(k.code, '+') FROM order_line_item i "
                    "JOIN sku k ON k.id = i.sku_id WHERE i.order_line_id = l.id) "
                    "FROM order_line l WHERE l.order_id IN (SELECT o.id FROM shop_order o "
                    "JOIN shop_store st ON st.id = o.store_id ") +
            kWhere + "ORDER BY o.created_at, o.id LIMIT ?3) ORDER BY l.order_id, l.line_no");
    bind_filter(l);
    while (l.step()) {
        auto it = index.find(l.column(0).int64());
        if (it == index.end()) continue;
        OrderLineSummary line;
        line.platform_sku = l.column(1).text();
        line.seller_code = l.column(2).text();
        line.qty = l.column(3).int64();
        line.price = l.column(4).int64();
        if (!l.column(5).is_null()) line.sku = l.column(5).text();
        out[it->second].lines.push_back(std::move(line));
    }
    return out;
}

}  // namespace dj
