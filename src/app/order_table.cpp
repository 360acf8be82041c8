#include "app/order_table.h"

#include <algorithm>
#include <unordered_map>

#include "core/base/text.h"

namespace dj {

std::vector<OrderRow> OrderTable::read(Database& db, const Actor& actor, Progress& progress) {
    std::vector<OrderRow> rows = ops::order_rows(db, actor, progress);
    for (OrderRow& r : rows) {
        std::string tags;
        for (const std::string& tag : r.tags)
            tags += " " + tag;
        r.haystack = lower_ascii(r.order_id + " " + r.receiver + " " + r.region + " " + r.items +
                                 " " + r.store + r.seller_codes + tags);
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
        if (q.focus != OrderFocus::all && !in_focus(r, q.focus, q.now)) continue;
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

OrderFocus parse_order_focus(const std::string& name) {
    static const std::pair<const char*, OrderFocus> names[] = {
        {"waiting", OrderFocus::waiting},        {"due", OrderFocus::due_soon},
        {"overdue", OrderFocus::overdue},        {"short", OrderFocus::short_stock},
        {"intercept", OrderFocus::to_intercept}, {"held", OrderFocus::held}};
    for (const auto& [n, f] : names)
        if (name == n) return f;
    return OrderFocus::all;
}

bool in_focus(const OrderRow& r, OrderFocus focus, Timestamp now) {
    bool open = r.allocation != "shipped";
    bool waiting = open && r.status == "to_ship";
    switch (focus) {
        case OrderFocus::all:
            return true;
        case OrderFocus::waiting:
            return waiting;
        case OrderFocus::due_soon:
            return waiting && r.promised != 0 && r.promised >= now && r.promised < now + 86400;
        case OrderFocus::overdue:
            return waiting && r.promised != 0 && r.promised < now;
        case OrderFocus::short_stock:
            return waiting && r.allocation == "short";
        case OrderFocus::to_intercept:
            return open && r.status == "refund_requested";
        case OrderFocus::held:
            return open && !r.hold.empty() && r.status != "shipped" && r.status != "completed";
    }
    return true;
}

long OrderTable::find(Id id) const {
    for (std::size_t i = 0; i < index_.size(); ++i)
        if (rows_[index_[i]].id == id) return static_cast<long>(i);
    return -1;
}

}  // namespace dj
