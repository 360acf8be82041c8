#include "store/orders/rule_repository.h"

#include "core/base/error.h"
#include "core/base/translate.h"
#include "interchange/rule_json.h"
#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"

namespace dj {

std::vector<OrderRule> RuleRepository::list() {
    sql::Statement s(connection(db_),
                     "SELECT id, name, enabled, definition FROM order_rule ORDER BY position, id");
    std::vector<OrderRule> rules;
    while (s.step()) {
        std::string name = s.column(1).text();
        OrderRule r = parse_rule_json(s.column(3).text(), trf("stored rule {0}", name));
        r.id = s.column(0).int64();
        r.name = name;
        r.enabled = s.column(2).int32() != 0;
        rules.push_back(std::move(r));
    }
    return rules;
}

void RuleRepository::import(const std::vector<OrderRule>& rules) {
    validate_rule_set(rules);
    sql::Statement update(connection(db_),
                          "UPDATE order_rule SET enabled = ?, definition = ? WHERE name = ?");
    sql::Statement insert(connection(db_),
                          "INSERT INTO order_rule(position, name, enabled, definition) VALUES "
                          "((SELECT ifnull(max(position), 0) + 1 FROM order_rule), ?, ?, ?)");
    for (const OrderRule& r : rules) {
        std::string definition = rule_to_json(r);
        update.reset();
        update.bind(1, r.enabled ? 1 : 0);
        update.bind(2, definition);
        update.bind(3, r.name);
        if (update.exec() == 0) {
            insert.reset();
            insert.bind(1, r.name);
            insert.bind(2, r.enabled ? 1 : 0);
            insert.bind(3, definition);
            insert.exec();
        }
    }
}

void RuleRepository::remove(const std::string& name) {
    sql::Statement s(connection(db_), "DELETE FROM order_rule WHERE name = ?");
    s.bind(1, name);
    if (s.exec() == 0) throw NotFound(trf("No rule named {0}: see rules list", name));
}

void RuleRepository::set_enabled(const std::string& name, bool enabled) {
    sql::Statement s(connection(db_), "UPDATE order_rule SET enabled = ? WHERE name = ?");
    s.bind(1, enabled ? 1 : 0);
    s.bind(2, name);
    if (s.exec() == 0) throw NotFound(trf("No rule named {0}: see rules list", name));
}

}  // namespace dj
