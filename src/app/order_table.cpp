#include "app/order_table.h"

#include <algorithm>
#include <unordered_map>

#include "store/database.h"

namespace dj {
namespace {

std::string lower_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

}  // namespace

std::vector<OrderRow> OrderTable::read(
    Database& db, const std::function<void(std::size_t, std::size_t)>& progress,
    const std::atomic<bool>& cancel) {
    std::size_t total =
        static_cast<std::size_t>(db.sql().execAndGet("SELECT count(*) FROM shop_order").getInt64());
    std::vector<OrderRow> rows;
    rows.reserve(total);
    std::unordered_map<Id, std::size_t> at;
    at.reserve(total);
    SQLite::Statement s(
        db.sql(),
        "SELECT o.id, st.code, st.platform, o.platform_order_id, o.status, "
        "o.allocation, ifnull(w.code, ''), o.receiver_name, o.province || ' ' || "
        "o.city, o.paid_amount_fen, o.created_at, ifnull(o.promised_ship_at, 0), "
        "o.priority, ifnull((SELECT h.reason FROM order_hold h WHERE h.order_id = o.id "
        "ORDER BY h.intercept DESC, h.at LIMIT 1), '') "
        "FROM shop_order o JOIN shop_store st ON st.id = o.store_id "
        "LEFT JOIN warehouse w ON w.id = o.warehouse_id ORDER BY o.id");
    while (s.executeStep() && !cancel) {
        OrderRow r;
        r.id = s.getColumn(0).getInt64();
        r.store = s.getColumn(1).getString();
        r.platform = s.getColumn(2).getString();
        r.order_id = s.getColumn(3).getString();
        r.status = s.getColumn(4).getString();
        r.allocation = s.getColumn(5).getString();
        r.warehouse = s.getColumn(6).getString();
        r.receiver = s.getColumn(7).getString();
        r.region = s.getColumn(8).getString();
        r.amount = s.getColumn(9).getInt64();
        r.created = s.getColumn(10).getInt64();
        r.promised = s.getColumn(11).getInt64();
        r.priority = s.getColumn(12).getInt();
        r.hold = s.getColumn(13).getString();
        at.emplace(r.id, rows.size());
        rows.push_back(std::move(r));
        if (rows.size() % 5000 == 0 && progress) progress(rows.size(), total * 2);
    }
    // Lines in one pass: the local SKU where mapped, else the seller code.
    SQLite::Statement l(db.sql(),
                        "SELECT l.order_id, l.quantity, l.seller_code, ifnull((SELECT "
                        "group_concat(k.code, '+') FROM order_line_item i JOIN sku k ON k.id = "
                        "i.sku_id WHERE i.order_line_id = l.id), '') FROM order_line l "
                        "ORDER BY l.order_id, l.line_no");
    std::size_t n = 0;
    while (l.executeStep() && !cancel) {
        auto it = at.find(l.getColumn(0).getInt64());
        if (it == at.end()) continue;
        OrderRow& r = rows[it->second];
        std::string sku = l.getColumn(3).getString();
        std::string seller = l.getColumn(2).getString();
        Qty qty = l.getColumn(1).getInt64();
        r.units += qty;
        r.items +=
            (r.items.empty() ? "" : " ") + (sku.empty() ? seller : sku) + "×" + std::to_string(qty);
        if (!seller.empty() && seller != sku) r.haystack += " " + seller;
        if (++n % 5000 == 0 && progress) progress(total + std::min(n, total), total * 2);
    }
    SQLite::Statement t(db.sql(), "SELECT order_id, tag FROM order_tag ORDER BY order_id, tag");
    while (t.executeStep() && !cancel) {
        auto it = at.find(t.getColumn(0).getInt64());
        if (it != at.end()) rows[it->second].tags.push_back(t.getColumn(1).getString());
    }
    for (OrderRow& r : rows) {
        for (const std::string& tag : r.tags)
            r.haystack += " " + tag;
        r.haystack = lower_ascii(r.order_id + " " + r.receiver + " " + r.region + " " + r.items +
                                 " " + r.store + r.haystack);
    }
    return rows;
}

void OrderTable::load(std::vector<OrderRow> rows) {
    rows_ = std::move(rows);
    index_.clear();
}

void OrderTable::apply(const OrderQuery& q) {
    std::string needle = lower_ascii(q.text);
    index_.clear();
    index_.reserve(rows_.size());
    for (std::uint32_t i = 0; i < rows_.size(); ++i) {
        const OrderRow& r = rows_[i];
        if (!q.store.empty() && r.store != q.store) continue;
        if (!q.status.empty() && r.status != q.status) continue;
        if (r.created < q.created_from) continue;
        if (q.held_only && r.hold.empty()) continue;
        if (!q.tag.empty() && std::find(r.tags.begin(), r.tags.end(), q.tag) == r.tags.end())
            continue;
        if (!needle.empty() && r.haystack.find(needle) == std::string::npos) continue;
        index_.push_back(i);
    }
    auto key_less = [&](const OrderRow& a, const OrderRow& b) {
        switch (q.sort) {
            case OrderColumn::order_id:
                return a.order_id < b.order_id;
            case OrderColumn::store:
                return a.store < b.store;
            case OrderColumn::status:
                return a.status < b.status;
            case OrderColumn::allocation:
                return a.allocation < b.allocation;
            case OrderColumn::receiver:
                return a.receiver < b.receiver;
            case OrderColumn::region:
                return a.region < b.region;
            case OrderColumn::items:
                return a.items < b.items;
            case OrderColumn::units:
                return a.units < b.units;
            case OrderColumn::amount:
                return a.amount < b.amount;
            case OrderColumn::promised:
                return a.promised < b.promised;
            case OrderColumn::created:
            case OrderColumn::count:
                break;
        }
        return a.created < b.created;
    };
    std::stable_sort(index_.begin(), index_.end(), [&](std::uint32_t x, std::uint32_t y) {
        return q.ascending ? key_less(rows_[x], rows_[y]) : key_less(rows_[y], rows_[x]);
    });
}

long OrderTable::find(Id id) const {
    for (std::size_t i = 0; i < index_.size(); ++i)
        if (rows_[index_[i]].id == id) return static_cast<long>(i);
    return -1;
}

}  // namespace dj
