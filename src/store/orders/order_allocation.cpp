#include "store/orders/order_allocation.h"

#include <utility>

#include "core/base/error.h"
#include "core/base/translate.h"
#include "core/orders/order_allocation_decision.h"
#include "store/base/database.h"
#include "store/base/held_rows.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"
#include "store/orders/order_hold_repository.h"
#include "store/orders/order_merge.h"
#include "store/stock/catalogue_repository.h"
#include "store/stock/stock_posting.h"

namespace dj {

OrderAllocator::OrderAllocator(StockPosting& posting, Actor policy_actor)
    : posting_(posting),
      policy_actor_(std::move(policy_actor)),
      orders_(posting.db()),
      new_items_(posting.db(), "order_line_item",
                 {"order_line_id", "sku_id", "qty", "reserved_qty", "reserved_warehouse_id"}) {}

void OrderAllocator::expect(const std::vector<Order>& orders) {
    std::map<Id, std::set<std::string>> wanted;
    for (const Order& o : orders)
        for (const OrderLine& line : o.lines)
            for (const std::string& key : {line.platform_sku_id, line.seller_code})
                if (!key.empty() && !mapping_cache_.count({o.store_id, key}))
                    wanted[o.store_id].insert(key);
    CatalogueRepository catalogue(posting_.db());
    for (const auto& [store_id, keys] : wanted) {
        std::map<std::string, SkuMapping> found =
            catalogue.find_mappings(store_id, {keys.begin(), keys.end()});
        for (const std::string& key : keys) {
            auto it = found.find(key);
            mapping_cache_[{store_id, key}] =
                it == found.end() ? std::nullopt : std::optional<SkuMapping>(std::move(it->second));
        }
    }
}

OrderAllocator::MappedLines OrderAllocator::map_new(Order& order, const UpsertResult& stored) {
    order.id = stored.id;
    // As inserted: rules and allocation decide these.
    order.allocation = Allocation::none;
    order.warehouse_id.reset();
    MappedLines mapped;
    mapped.line_skus.reserve(order.lines.size());
    for (std::size_t n = 0; n < order.lines.size(); ++n) {
        OrderLine& line = order.lines[n];
        line.id = stored.line_ids[n];
        mapped.line_skus.push_back(map_line(order.store_id, line));
        mapped.all_mapped = mapped.all_mapped && !mapped.line_skus.back().empty();
        for (const SkuComponent& c : mapped.line_skus.back())
            mapped.items.push_back({line.id, c.sku_id, c.qty, 0, std::nullopt, line.presale});
    }
    // Each item's line id stands where its own id goes once inserted.
    std::vector<std::int64_t> ids = posting_.db().held_rows().insert(
        new_items_, mapped.items.size(), [&](sql::Statement& s, int first, std::size_t n) {
            s.bind(first, static_cast<int64_t>(mapped.items[n].id));
            s.bind(first + 1, static_cast<int64_t>(mapped.items[n].sku_id));
            s.bind(first + 2, static_cast<int64_t>(mapped.items[n].qty));
            s.bind(first + 3, 0);  // reserve() below
            s.bind(first + 4);
        });
    for (std::size_t n = 0; n < ids.size(); ++n)
        mapped.items[n].id = ids[n];
    return mapped;
}

Allocation OrderAllocator::allocate_new(const Order& order, const MappedLines& lines,
                                        bool items_current, std::optional<Id> rule_warehouse) {
    if (!items_current) return allocate(order, lines.all_mapped, nullptr);
    const Fresh fresh{lines, rule_warehouse};
    return allocate(order, lines.all_mapped, &fresh);
}

OrderSplitter::FreshOrder OrderAllocator::fresh_order(const Order& order,
                                                      const MappedLines& lines) {
    OrderSplitter::FreshOrder f;
    f.number = order.platform_order_id;
    for (std::size_t n = 0; n < order.lines.size(); ++n) {
        if (lines.line_skus[n].empty()) continue;
        SplitLine& l =
            f.lines.emplace_back(SplitLine{order.lines[n].id, {}, order.lines[n].presale});
        for (const SkuComponent& c : lines.line_skus[n])
            l.items.push_back({c.sku_id, c.qty});
    }
    auto policy = split_policies_.find(order.store_id);
    if (policy == split_policies_.end()) {
        sql::Statement& s =
            posting_.db().statement("SELECT split_policy FROM shop_store WHERE id = ?");
        s.bind(1, static_cast<int64_t>(order.store_id));
        if (!s.step())
            throw NotFound(trf("Store #{0} does not exist", std::to_string(order.store_id)));
        policy =
            split_policies_.emplace(order.store_id, parse_split_policy(s.column(0).text())).first;
        s.reset();
    }
    f.policy = policy->second;
    if (!all_warehouses_) {
        all_warehouses_.emplace();
        sql::Statement& s = posting_.db().statement("SELECT id, code FROM warehouse ORDER BY id");
        while (s.step()) {
            all_warehouses_->push_back(s.column(0).int64());
            warehouse_codes_.emplace(s.column(0).int64(), s.column(1).text());
        }
        s.reset();
    }
    f.warehouses = *all_warehouses_;
    f.warehouse_codes = warehouse_codes_;
    return f;
}

std::vector<OrderAllocator::Item> OrderAllocator::items_of(Id order_id) {
    sql::Statement& s = posting_.db().statement(
        "SELECT i.id, i.sku_id, i.qty, i.reserved_qty, i.reserved_warehouse_id, l.presale "
        "FROM order_line_item i JOIN order_line l ON l.id = i.order_line_id "
        "WHERE l.order_id = ? ORDER BY i.id");
    s.bind(1, static_cast<int64_t>(order_id));
    std::vector<Item> items;
    while (s.step()) {
        Item it{s.column(0).int64(), s.column(1).int64(), s.column(2).int64(),
                s.column(3).int64(), std::nullopt,        s.column(5).int32() != 0};
        if (!s.column(4).is_null()) it.warehouse_id = s.column(4).int64();
        items.push_back(it);
    }
    return items;
}

std::vector<SkuComponent> OrderAllocator::map_line(Id store_id, const OrderLine& line) {
    CatalogueRepository catalogue(posting_.db());
    for (const std::string& key : {line.platform_sku_id, line.seller_code}) {
        if (key.empty()) continue;
        auto cache_key = std::make_pair(store_id, key);
        auto it = mapping_cache_.find(cache_key);
        if (it == mapping_cache_.end())
            it = mapping_cache_.emplace(cache_key, catalogue.find_mapping(store_id, key)).first;
        if (it->second) return expand_mapping(*it->second, line.quantity);
    }
    // Without a mapping, a seller code that is a local SKU code maps one to one.
    if (!line.seller_code.empty()) {
        auto it = sku_code_cache_.find(line.seller_code);
        if (it == sku_code_cache_.end()) {
            std::optional<Id> id;
            if (auto sku = catalogue.find_sku(line.seller_code)) id = sku->id;
            it = sku_code_cache_.emplace(line.seller_code, id).first;
        }
        if (it->second) return {{*it->second, line.quantity}};
    }
    return {};
}

bool OrderAllocator::map_lines(Id order_id) {
    Database& db = posting_.db();
    // Only the lines not mapped yet: a stored order usually has none left.
    sql::Statement& open = db.statement(
        "SELECT l.id, l.platform_sku_id, l.seller_code, l.quantity, o.store_id FROM order_line l "
        "JOIN shop_order o ON o.id = l.order_id WHERE l.order_id = ? AND NOT EXISTS (SELECT 1 "
        "FROM order_line_item i WHERE i.order_line_id = l.id)");
    open.bind(1, static_cast<int64_t>(order_id));
    std::vector<std::pair<Id, OrderLine>> unmapped;
    while (open.step()) {
        OrderLine line;
        line.id = open.column(0).int64();
        line.platform_sku_id = open.column(1).text();
        line.seller_code = open.column(2).text();
        line.quantity = open.column(3).int64();
        unmapped.emplace_back(open.column(4).int64(), std::move(line));
    }
    open.reset();
    bool all_mapped = true;
    for (const auto& [store_id, line] : unmapped)
        if (map_stored_line(store_id, line).empty()) all_mapped = false;
    return all_mapped;
}

std::vector<SkuComponent> OrderAllocator::map_stored_line(Id store_id, const OrderLine& line) {
    std::vector<SkuComponent> components = map_line(store_id, line);
    sql::Statement& add = posting_.db().statement(
        "INSERT INTO order_line_item(order_line_id, sku_id, qty) VALUES (?, ?, ?)");
    for (const SkuComponent& c : components) {
        add.reset();
        add.bind(1, static_cast<int64_t>(line.id));
        add.bind(2, static_cast<int64_t>(c.sku_id));
        add.bind(3, static_cast<int64_t>(c.qty));
        add.exec_deferred();
    }
    return components;
}

std::optional<Id> OrderAllocator::warehouse_for(Id order_id, Id store_id) {
    sql::Statement& chosen =
        posting_.db().statement("SELECT rule_warehouse_id FROM shop_order WHERE id = ?");
    chosen.bind(1, static_cast<int64_t>(order_id));
    std::optional<Id> rule_choice;
    if (chosen.step() && !chosen.column(0).is_null()) rule_choice = chosen.column(0).int64();
    chosen.reset();
    if (rule_choice) return rule_choice;
    return store_warehouse(store_id);
}

std::optional<Id> OrderAllocator::store_warehouse(Id store_id) {
    auto it = warehouse_cache_.find(store_id);
    if (it != warehouse_cache_.end()) return it->second;
    sql::Statement& s = posting_.db().statement(
        "SELECT ifnull((SELECT default_warehouse_id FROM shop_store WHERE id = ?), "
        "(SELECT min(id) FROM warehouse))");
    s.bind(1, static_cast<int64_t>(store_id));
    std::optional<Id> wh;
    if (s.step() && !s.column(0).is_null()) wh = s.column(0).int64();
    s.reset();
    warehouse_cache_.emplace(store_id, wh);
    return wh;
}

void OrderAllocator::set_state(Id order_id, Allocation a, std::optional<Id> warehouse_id) {
    // A new order not sent yet is sent as allocated: each UPDATE wrote the row and its nine
    // index entries again.
    HeldRows& held = posting_.db().held_rows();
    if (HeldRows::Value* allocation = held.cell("shop_order", order_id, "allocation")) {
        *allocation = HeldRows::Value::of(std::string(allocation_code(a)));
        *held.cell("shop_order", order_id, "warehouse_id") =
            warehouse_id ? HeldRows::Value::of(*warehouse_id) : HeldRows::Value{};
        return;
    }
    sql::Statement& s = posting_.db().statement(
        "UPDATE shop_order SET allocation = ?, warehouse_id = ? WHERE id = ?");
    s.bind(1, std::string(allocation_code(a)));
    if (warehouse_id)
        s.bind(2, static_cast<int64_t>(*warehouse_id));
    else
        s.bind(2);
    s.bind(3, static_cast<int64_t>(order_id));
    s.exec_deferred();
}

Allocation OrderAllocator::allocate(Id order_id, bool lines_mapped) {
    std::optional<Order> order = orders_.find(order_id);
    if (!order) throw NotFound(trf("Order #{0} does not exist", std::to_string(order_id)));
    return allocate(*order, lines_mapped, nullptr);
}

Allocation OrderAllocator::allocate(const Order& order, bool lines_mapped, const Fresh* fresh) {
    const Id order_id = order.id;
    if (order.allocation == Allocation::shipped) return Allocation::shipped;
    // Lines are mapped whatever the status, so every order shows its local SKUs.
    // A new order's lines were just mapped as far as they map.
    bool mapped = lines_mapped || (!fresh && map_lines(order_id));
    std::optional<Id> wh;
    AllocationStep step = allocation_step(order.allocation, order.status, mapped, true);
    if (step == AllocationStep::check_stock) {
        wh = !fresh                  ? warehouse_for(order_id, order.store_id)
             : fresh->rule_warehouse ? fresh->rule_warehouse
                                     : store_warehouse(order.store_id);
        step = allocation_step(order.allocation, order.status, mapped, wh.has_value());
    }
    switch (step) {
        case AllocationStep::keep_shipped:
            return Allocation::shipped;
        case AllocationStep::release:
            if (!fresh) release(order_id);  // a new order holds nothing yet
            return Allocation::none;
        case AllocationStep::keep_allocated:
            return Allocation::allocated;
        case AllocationStep::unmapped:
            set_state(order_id, Allocation::unmapped, std::nullopt);
            return Allocation::unmapped;
        case AllocationStep::no_warehouse:
            set_state(order_id, Allocation::short_stock, std::nullopt);
            return Allocation::short_stock;
        case AllocationStep::check_stock:
            break;
    }
    std::vector<Item> items = fresh ? fresh->lines.items : items_of(order_id);
    std::vector<AllocationNeed> needs;
    needs.reserve(items.size());
    for (const Item& it : items)
        needs.push_back({it.sku_id, it.qty, it.presale});
    StockBook& book = posting_.book();
    ReservationCheck check =
        reservation_check(needs, [&](Id sku_id) { return book.available(sku_id, *wh); });
    // One warehouse cannot serve it, or some of it ships later: the store's policy splits the
    // order or holds it for a person (order_split.h).
    if (!check.reserve_now()) {
        std::optional<OrderSplitter::FreshOrder> known;
        if (fresh) known = fresh_order(order, fresh->lines);
        if (std::optional<Allocation> parts =
                OrderSplitter(*this, posting_, policy_actor_)
                    .apply_policy(order_id, *wh, check.whole, known ? &*known : nullptr))
            return *parts;
    } else if (!fresh) {
        OrderHoldRepository(posting_.db()).drop(order_id, HoldSource::split, "");
    }
    if (!check.whole) {
        set_state(order_id, Allocation::short_stock, wh);
        return Allocation::short_stock;
    }
    sql::Statement& mark = posting_.db().statement(
        "UPDATE order_line_item SET reserved_qty = qty, reserved_warehouse_id = ? WHERE id = ?");
    HeldRows& held = posting_.db().held_rows();
    for (const Item& it : items) {
        book.reserve(it.sku_id, *wh, it.qty);
        if (HeldRows::Value* reserved = held.cell("order_line_item", it.id, "reserved_qty")) {
            *reserved = HeldRows::Value::of(it.qty);
            *held.cell("order_line_item", it.id, "reserved_warehouse_id") =
                HeldRows::Value::of(*wh);
            continue;
        }
        mark.reset();
        mark.bind(1, static_cast<int64_t>(*wh));
        mark.bind(2, static_cast<int64_t>(it.id));
        mark.exec_deferred();
    }
    set_state(order_id, Allocation::allocated, wh);
    return Allocation::allocated;
}

void OrderAllocator::release(Id order_id) {
    sql::Statement& clear = posting_.db().statement(
        "UPDATE order_line_item SET reserved_qty = 0, reserved_warehouse_id = NULL WHERE id = ?");
    for (const Item& it : items_of(order_id)) {
        if (it.reserved == 0 || !it.warehouse_id) continue;
        posting_.book().release(it.sku_id, *it.warehouse_id, it.reserved);
        freed_.insert(it.sku_id);
        clear.reset();
        clear.bind(1, static_cast<int64_t>(it.id));
        clear.exec_deferred();
    }
    sql::Statement& state = posting_.db().statement(
        "UPDATE shop_order SET allocation = 'none' WHERE id = ? AND allocation <> 'shipped' "
        "AND allocation <> 'none'");
    state.bind(1, static_cast<int64_t>(order_id));
    state.exec_deferred();
}

void OrderAllocator::check_can_ship(const Order& order, Id parcel_head) {
    if (auto hold = OrderHoldRepository(posting_.db()).find(order.id))
        throw StockRuleViolation(trf("Order {0} is on hold ({1}): release it before shipping",
                                     order.platform_order_id, hold->reason));
    // A waved order is on the packing line: it leaves only as a parcel whose every item was
    // scanned. Orders shipped by hand outside any wave are not held to that.
    sql::Statement& unpacked = posting_.db().statement(
        "SELECT w.number FROM wave_order x JOIN wave w ON w.id = x.wave_id WHERE x.order_id = ? "
        "AND x.open = 1 AND NOT EXISTS (SELECT 1 FROM order_packed p WHERE p.order_id = ?)");
    unpacked.bind(1, static_cast<int64_t>(parcel_head));
    unpacked.bind(2, static_cast<int64_t>(parcel_head));
    std::string wave = unpacked.step() ? unpacked.column(0).text() : "";
    unpacked.reset();
    if (!wave.empty())
        throw StockRuleViolation(
            trf("Order {0} is in wave {1} and not packed: scan its items at the pack station "
                "before it ships",
                order.platform_order_id, wave));
    if (order.allocation != Allocation::allocated)
        throw StockRuleViolation(trf("Order {0} cannot ship: its stock is {1}, not allocated",
                                     order.platform_order_id,
                                     std::string(allocation_code(order.allocation))));
}

std::vector<Movement> OrderAllocator::ship(Id order_id, const MovementContext& ctx) {
    // A merged order leaves with its whole parcel, and the parcel only as a whole.
    std::vector<Id> parcel = parcel_orders(posting_.db(), order_id);
    std::vector<Order> orders;
    for (Id id : parcel) {
        std::optional<Order> order = orders_.find(id);
        if (!order) throw NotFound(trf("Order #{0} does not exist", std::to_string(id)));
        check_can_ship(*order, parcel.front());
        orders.push_back(std::move(*order));
    }
    std::size_t before = posting_.book().pending().size();
    sql::Statement& clear =
        posting_.db().statement("UPDATE order_line_item SET reserved_qty = 0 WHERE id = ?");
    sql::Statement& status =
        posting_.db().statement("UPDATE shop_order SET status = 'shipped' WHERE id = ?");
    for (const Order& order : orders) {
        MovementContext mc = ctx;
        if (order.id != order_id) mc.doc = order.platform_order_id;
        for (const Item& it : items_of(order.id)) {
            posting_.book().ship(mc, it.sku_id, *it.warehouse_id, it.qty, it.reserved);
            clear.reset();
            clear.bind(1, static_cast<int64_t>(it.id));
            clear.exec_deferred();
        }
        set_state(order.id, Allocation::shipped, order.warehouse_id);
        status.reset();
        status.bind(1, static_cast<int64_t>(order.id));
        status.exec_deferred();
    }
    const std::vector<Movement>& pending = posting_.book().pending();
    return {pending.begin() + static_cast<std::ptrdiff_t>(before), pending.end()};
}

namespace {

// Waiting orders not allocated, in the order they are served.
constexpr const char* kWaiting =
    "SELECT o.id FROM shop_order o WHERE o.status = 'to_ship' AND o.allocation IN ('none', "
    "'short', 'unmapped') {filter} ORDER BY o.priority DESC, ifnull(o.paid_at, o.created_at), "
    "o.id";

std::string waiting_sql(const std::string& filter) {
    std::string sql = kWaiting;
    sql.replace(sql.find("{filter}"), 8, filter);
    return sql;
}

}  // namespace

int OrderAllocator::allocate_all(sql::Statement& waiting) {
    std::vector<Id> ids;
    while (waiting.step())
        ids.push_back(waiting.column(0).int64());
    int allocated = 0;
    for (Id id : ids)
        if (allocate(id, false) == Allocation::allocated) ++allocated;
    return allocated;
}

int OrderAllocator::allocate_waiting() {
    sql::Statement s(connection(posting_.db()), waiting_sql(""));
    return allocate_all(s);
}

int OrderAllocator::allocate_waiting_for(const std::set<Id>& sku_ids) {
    if (sku_ids.empty()) return 0;
    // Ids are integers: written into the statement, they cannot inject anything.
    std::string list;
    for (Id id : sku_ids)
        list += (list.empty() ? "" : ",") + std::to_string(id);
    sql::Statement s(connection(posting_.db()),
                     waiting_sql("AND EXISTS (SELECT 1 FROM order_line l JOIN order_line_item "
                                 "i ON i.order_line_id = l.id WHERE l.order_id = o.id AND "
                                 "i.sku_id IN (" +
                                 list + "))"));
    return allocate_all(s);
}

int OrderAllocator::allocate_unmapped(Id store_id) {
    sql::Statement s(connection(posting_.db()),
                     waiting_sql("AND o.allocation = 'unmapped' AND o.store_id = ?"));
    s.bind(1, static_cast<int64_t>(store_id));
    return allocate_all(s);
}

std::set<Id> OrderAllocator::take_freed() {
    return std::exchange(freed_, {});
}

}  // namespace dj
