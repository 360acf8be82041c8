#include "store/orders/intercept_service.h"

#include "core/base/deferred_text.h"
#include "core/base/translate.h"
#include "core/orders/region.h"
#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"

namespace dj {
namespace {

constexpr const char* kOpen =
    "o.status IN ('pending_payment', 'to_ship', 'refund_requested') AND o.allocation <> "
    "'shipped'";

OrderIntercept intercept_from(sql::Statement& s) {
    OrderIntercept i;
    i.id = s.column(0).int64();
    i.scope = parse_intercept_scope(s.column(1).text()).value_or(InterceptScope::region);
    i.target = s.column(2).text();
    i.city = s.column(3).text();
    i.reason = s.column(4).text();
    i.created_at = s.column(5).int64();
    i.created_by = s.column(6).text();
    i.lifted_at = read_optional(s.column(7));
    i.lifted_by = s.column(8).text();
    i.held = s.column(9).int32();
    return i;
}

constexpr const char* kColumns =
    "SELECT i.id, i.scope, i.target, i.city, i.reason, i.created_at, i.created_by, i.lifted_at, "
    "i.lifted_by, (SELECT count(*) FROM order_hold h WHERE h.source = 'intercept' AND "
    "h.source_key = CAST(i.id AS TEXT)) FROM order_intercept i ";

using Caught = InterceptRepository::Covered;

std::vector<Caught> covered(Database& db, const OrderIntercept& i) {
    std::string base =
        "SELECT o.id, o.allocation = 'allocated' OR EXISTS (SELECT 1 FROM wave_order x WHERE "
        "x.order_id = o.id AND x.open = 1)";
    std::vector<Caught> out;
    if (i.scope == InterceptScope::region) {
        // Province names vary ("江苏" / "江苏省"), so matching happens here, not in SQL.
        sql::Statement s(connection(db),
                         base + ", o.province, o.city FROM shop_order o WHERE " + kOpen);
        while (s.step())
            if (region_covers(i.target, i.city, s.column(2).text(), s.column(3).text()))
                out.push_back({s.column(0).int64(), s.column(1).int32() != 0});
        return out;
    }
    std::string where;
    switch (i.scope) {
        case InterceptScope::sku:
            where =
                "EXISTS (SELECT 1 FROM order_line l JOIN order_line_item t ON "
                "t.order_line_id = l.id JOIN sku k ON k.id = t.sku_id WHERE l.order_id = "
                "o.id AND k.code = ?)";
            break;
        case InterceptScope::store:
            where = "o.store_id = (SELECT id FROM shop_store WHERE code = ?)";
            break;
        default:
            where =
                "coalesce((SELECT b.carrier FROM order_waybill b WHERE b.order_id = o.id), "
                "o.carrier) = ?";
    }
    sql::Statement s(connection(db), base + " FROM shop_order o WHERE " + kOpen + " AND " + where);
    s.bind(1, i.target);
    while (s.step())
        out.push_back({s.column(0).int64(), s.column(1).int32() != 0});
    return out;
}

}  // namespace

std::vector<OrderIntercept> active_intercepts(Database& db) {
    sql::Statement s(connection(db),
                     std::string(kColumns) + "WHERE i.lifted_at IS NULL ORDER BY i.id");
    std::vector<OrderIntercept> out;
    while (s.step())
        out.push_back(intercept_from(s));
    return out;
}

std::string intercept_hold_reason(const OrderIntercept& i) {
    // Deferred text: the packer reads it in the window's language, whoever intercepted.
    std::string what = i.scope == InterceptScope::sku       ? deferred("SKU {0}", {i.target})
                       : i.scope == InterceptScope::store   ? deferred("store {0}", {i.target})
                       : i.scope == InterceptScope::carrier ? deferred("carrier {0}", {i.target})
                                                            : describe_intercept(i);
    return deferred("Intercepted ({0}): {1}", {what, i.reason});
}

Id InterceptRepository::insert(const OrderIntercept& i) {
    sql::Statement add(connection(db_),
                       "INSERT INTO order_intercept(scope, target, city, reason, created_at, "
                       "created_by) VALUES (?, ?, ?, ?, ?, ?)");
    add.bind(1, std::string(intercept_scope_code(i.scope)));
    add.bind(2, i.target);
    add.bind(3, i.city);
    add.bind(4, i.reason);
    add.bind(5, static_cast<int64_t>(i.created_at));
    add.bind(6, i.created_by);
    add.exec();
    return connection(db_).last_insert_id();
}

std::optional<OrderIntercept> InterceptRepository::find(Id id) {
    sql::Statement find(connection(db_), std::string(kColumns) + "WHERE i.id = ?");
    find.bind(1, static_cast<int64_t>(id));
    if (!find.step()) return std::nullopt;
    return intercept_from(find);
}

std::vector<OrderIntercept> InterceptRepository::list(bool include_lifted) {
    sql::Statement s(connection(db_), std::string(kColumns) +
                                          (include_lifted ? "" : "WHERE i.lifted_at IS NULL ") +
                                          "ORDER BY i.id");
    std::vector<OrderIntercept> out;
    while (s.step())
        out.push_back(intercept_from(s));
    return out;
}

std::vector<InterceptRepository::Covered> InterceptRepository::covered_orders(
    const OrderIntercept& intercept) {
    return covered(db_, intercept);
}

std::vector<Id> InterceptRepository::lift(Id id, Timestamp at, const std::string& by) {
    std::string key = std::to_string(id);
    sql::Statement held(connection(db_),
                        "SELECT order_id FROM order_hold WHERE source = 'intercept' AND "
                        "source_key = ?");
    held.bind(1, key);
    std::vector<Id> orders;
    while (held.step())
        orders.push_back(held.column(0).int64());
    sql::Statement drop(connection(db_),
                        "DELETE FROM order_hold WHERE source = 'intercept' AND source_key = ?");
    drop.bind(1, key);
    drop.exec();
    sql::Statement mark(connection(db_),
                        "UPDATE order_intercept SET lifted_at = ?, lifted_by = ? WHERE id = ?");
    mark.bind(1, static_cast<int64_t>(at));
    mark.bind(2, by);
    mark.bind(3, static_cast<int64_t>(id));
    mark.exec();
    return orders;
}

}  // namespace dj
