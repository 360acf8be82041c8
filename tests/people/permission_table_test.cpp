// Every role against every use case: what each may do, stated here by hand for the four built-in
// roles (not derived from the role table), then checked by calling the use case as that role.
// A use case is "refused" when it throws Refused; anything else (done, or refused for another
// reason such as a record that does not exist) means the role got past the permission check.
#include <boost/test/unit_test.hpp>
#include <functional>

#include "core/base/error.h"
#include "http_client.h"
#include "ops/alerts.h"
#include "ops/allocate_orders.h"
#include "ops/buyer_visibility.h"
#include "ops/catalogue.h"
#include "ops/cost_visibility.h"
#include "ops/e_waybills.h"
#include "ops/import_orders.h"
#include "ops/move_shop.h"
#include "ops/notifications.h"
#include "ops/order_decisions.h"
#include "ops/order_export.h"
#include "ops/order_parcels.h"
#include "ops/order_queries.h"
#include "ops/order_rules.h"
#include "ops/outbox.h"
#include "ops/pack_station.h"
#include "ops/periods.h"
#include "ops/print_waybills.h"
#include "ops/purchasing.h"
#include "ops/ship_order.h"
#include "ops/shop_queries.h"
#include "ops/shop_setup.h"
#include "ops/stock_moves.h"
#include "ops/stock_queries.h"
#include "ops/sync_stores.h"
#include "ops/users.h"
#include "ops/waves.h"
#include "ops/waybills.h"
#include "test_clock.h"
#include "test_db.h"

using namespace dj;
using dj::test::TempDir;

namespace {

constexpr const char* kPassword = "password-of-all-1";

struct UseCase {
    const char* name;
    const char* allowed;  // the roles that may: O owner, M manager, P packer, A accountant
    std::function<void(Database&, const Actor&)> run;
};

ops::StockMove move(ops::StockMoveKind kind, Qty qty) {
    ops::StockMove m;
    m.kind = kind;
    m.sku = "TEA-1";
    m.qty = qty;
    m.warehouse = "CZ";
    m.batch = kind == ops::StockMoveKind::receive ? "LOT-1" : "";
    m.expiry = kind == ops::StockMoveKind::receive ? "2027-06-30" : "";
    m.reason = "table test";
    return m;
}

// CUP-1 as it is now, its cost raised by `raise` fen.
Sku cup(Database& db, Fen raise) {
    for (Sku s : ops::list_skus(db, Actor{"t", "owner", "ws"}))
        if (s.code == "CUP-1") {
            s.standard_cost += raise;
            return s;
        }
    throw std::logic_error("CUP-1 is gone");
}

std::vector<UseCase> use_cases() {
    using K = ops::StockMoveKind;
    HttpClient* none = nullptr;
    (void)none;
    return {
        {"set_shop_name", "OM",
         [](Database& db, const Actor& a) { ops::set_shop_name(db, a, "茶铺"); }},
        {"add_warehouse", "OM",
         [](Database& db, const Actor& a) {
             ops::add_warehouse(db, a, Warehouse{0, "SH", "上海仓"});
         }},
        {"add_location", "OM",
         [](Database& db, const Actor& a) {
             ops::add_location(db, a, "CZ", Location{0, 0, "C-01", "C", 30});
         }},
        {"set_receiving_location", "OM",
         [](Database& db, const Actor& a) { ops::set_receiving_location(db, a, "CZ", "A-01-01"); }},
        {"save_store", "O",
         [](Database& db, const Actor& a) {
             ops::StoreRequest r;
             r.code = "jd-1";
             r.name = "京东店";
             r.platform = Platform::jd;
             ops::save_store(db, a, r);
         }},
        {"set_store_split_policy", "O",
         [](Database& db, const Actor& a) {
             ops::set_store_split_policy(db, a, "tb-main", SplitPolicy::hold);
         }},
        {"choose_document_printer", "OMP",
         [](Database& db, const Actor& a) {
             ops::choose_document_printer(db, a, PrintDocument::label, "PDF");
         }},
        {"save_sku", "OM",
         [](Database& db, const Actor& a) { ops::save_sku(db, a, cup(db, 0), std::nullopt); }},
        {"save_sku changing its cost", "O",
         [](Database& db, const Actor& a) { ops::save_sku(db, a, cup(db, 100), std::nullopt); }},
        {"import_skus", "O",
         [](Database& db, const Actor& a) {
             ops::import_skus(db, a, "code,name\nPOT-1,Pot\n", "skus.csv");
         }},
        {"save_supplier", "OM",
         [](Database& db, const Actor& a) {
             Supplier s;
             s.code = "S1";
             ops::save_supplier(db, a, s);
         }},
        {"set_reference_price", "O",
         [](Database& db, const Actor& a) { ops::set_reference_price(db, a, "TEA-1", Fen{5000}); }},
        {"set_sku_supplier", "OM",
         [](Database& db, const Actor& a) { ops::set_sku_supplier(db, a, "TEA-1", "S1"); }},
        {"set_min_ship_days", "OM",
         [](Database& db, const Actor& a) { ops::set_min_ship_days(db, a, "TEA-1", 30); }},
        {"map_platform_sku", "OM",
         [](Database& db, const Actor& a) {
             ops::map_platform_sku(db, a, "tb-main", "tb-sku-1", {{"TEA-1", 1}});
         }},
        {"receive stock", "OM",
         [](Database& db, const Actor& a) { ops::move_stock(db, a, move(K::receive, 50)); }},
        {"ship stock", "OM",
         [](Database& db, const Actor& a) { ops::move_stock(db, a, move(K::ship, 1)); }},
        {"count stock", "OM",
         [](Database& db, const Actor& a) { ops::move_stock(db, a, move(K::count, 48)); }},
        {"scrap stock", "OM",
         [](Database& db, const Actor& a) { ops::move_stock(db, a, move(K::scrap, 1)); }},
        {"return stock", "OM",
         [](Database& db, const Actor& a) { ops::move_stock(db, a, move(K::customer_return, 1)); }},
        {"hold_order", "OM",
         [](Database& db, const Actor& a) { ops::hold_order(db, a, 999999, "check"); }},
        {"release_order", "OM",
         [](Database& db, const Actor& a) { ops::release_order(db, a, 999999); }},
        {"set_order_priority", "OM",
         [](Database& db, const Actor& a) { ops::set_order_priority(db, a, 999999, 1); }},
        {"set_order_note", "OM",
         [](Database& db, const Actor& a) { ops::set_order_note(db, a, 999999, "note"); }},
        {"merge_orders", "OM",
         [](Database& db, const Actor& a) {
             ops::merge_orders(db, a, {999998, 999999});
         }},
        {"unmerge_order", "OM",
         [](Database& db, const Actor& a) { ops::unmerge_order(db, a, 999999); }},
        {"mergeable_orders", "OM",
         [](Database& db, const Actor& a) { ops::mergeable_orders(db, a, false); }},
        {"split_order", "OM",
         [](Database& db, const Actor& a) { ops::split_order(db, a, 999999); }},
        {"unsplit_order", "OM",
         [](Database& db, const Actor& a) { ops::unsplit_order(db, a, 999999); }},
        {"import_orders", "OM",
         [](Database& db, const Actor& a) { ops::import_orders(db, a, "[]", "orders.json"); }},
        {"allocate_waiting_orders", "OM",
         [](Database& db, const Actor& a) { ops::allocate_waiting_orders(db, a); }},
        {"import_rules", "OM", [](Database& db, const Actor& a) { ops::import_rules(db, a, {}); }},
        {"set_rule_enabled", "OM",
         [](Database& db, const Actor& a) { ops::set_rule_enabled(db, a, "none", true); }},
        {"delete_rule", "OM",
         [](Database& db, const Actor& a) { ops::delete_rule(db, a, "none"); }},
        {"create_intercept", "OM",
         [](Database& db, const Actor& a) {
             OrderIntercept i;
             i.scope = InterceptScope::region;
             i.target = "浙江省";
             i.reason = "flood";
             ops::create_intercept(db, a, i);
         }},
        {"lift_intercept", "O",
         [](Database& db, const Actor& a) { ops::lift_intercept(db, a, 999999); }},
        {"create_waves", "OMP",
         [](Database& db, const Actor& a) { ops::create_waves(db, a, WaveRequest{}); }},
        {"assign_waybill", "OMP",
         [](Database& db, const Actor& a) {
             ops::assign_waybill(db, a, 999999, "SF", "SF1234567890123");
         }},
        {"ship_order", "OMP",
         [](Database& db, const Actor& a) {
             ops::ShipOrder s;
             s.order_id = 999999;
             ops::ship_order(db, a, s);
         }},
        {"pack_station", "OMP",
         [](Database& db, const Actor& a) { ops::PackStation(db, a, "#999999"); }},
        {"print_waybills", "OMP",
         [](Database& db, const Actor& a) { ops::print_waybills(db, a, {999999}, {}); }},
        {"choose_component_printer", "OMP",
         [](Database& db, const Actor& a) {
             ops::choose_component_printer(db, a, PrintComponent::cainiao, "");
         }},
        {"fetch_waybills", "OMP",
         [](Database& db, const Actor& a) {
             HttpClient http;
             ops::fetch_waybills(db, http, a, {999999}, "SF");
         }},
        {"cancel_waybill", "OMP",
         [](Database& db, const Actor& a) {
             HttpClient http;
             ops::cancel_waybill(db, http, a, 999999);
         }},
        {"save_carrier_account", "O",
         [](Database& db, const Actor& a) { ops::save_carrier_account(db, a, CarrierAccount{}); }},
        {"sync_carrier_accounts", "O",
         [](Database& db, const Actor& a) {
             HttpClient http;
             ops::sync_carrier_accounts(db, http, a, "no-such-store", "寄件人", "13800000000");
         }},
        {"sync_stores", "OM",
         [](Database& db, const Actor& a) {
             HttpClient http;
             ops::sync_stores(db, http, a, "no-such-store");
         }},
        {"retry_outbox", "OM",
         [](Database& db, const Actor& a) { ops::retry_outbox(db, a, std::nullopt); }},
        {"acknowledge_alert", "OM",
         [](Database& db, const Actor& a) { ops::acknowledge_alert(db, a, 999999); }},
        {"snooze_alert", "OM",
         [](Database& db, const Actor& a) { ops::snooze_alert(db, a, 999999, test::kNow + 3600); }},
        {"set_threshold", "OM",
         [](Database& db, const Actor& a) {
             ops::set_threshold(db, a, Threshold::max_stock, "TEA-1", "", 5);
         }},
        {"add_notify_channel", "OM",
         [](Database& db, const Actor& a) {
             NotifyChannel c;
             c.name = "desk";
             c.kind = NotifyChannelKind::desktop;
             ops::add_notify_channel(db, a, c);
         }},
        {"create_purchase_order", "OM",
         [](Database& db, const Actor& a) {
             ops::PoRequest r;
             r.supplier = "NO-SUPPLIER";
             ops::create_purchase_order(db, a, r);
         }},
        {"approve_restock", "OM",
         [](Database& db, const Actor& a) { ops::approve_restock(db, a, RestockFilter{}); }},
        {"receive_purchase_order", "OM",
         [](Database& db, const Actor& a) { ops::receive_purchase_order(db, a, "PO-NONE", {}); }},
        {"cancel_purchase_order", "OM",
         [](Database& db, const Actor& a) { ops::cancel_purchase_order(db, a, "PO-NONE", "why"); }},
        {"close_purchase_order", "OM",
         [](Database& db, const Actor& a) { ops::close_purchase_order(db, a, "PO-NONE", "why"); }},
        {"close_period", "OA",
         [](Database& db, const Actor& a) { ops::close_period(db, a, "2026-10"); }},
        {"reopen_period", "OA",
         [](Database& db, const Actor& a) {
             ops::reopen_period(db, a, "2026-09", "late invoice");
         }},
        {"stock_report", "OMA",
         [](Database& db, const Actor& a) {
             ops::stock_report(db, a, month_period("2026-10", "month"));
         }},
        {"audit_entries", "OMA",
         [](Database& db, const Actor& a) { ops::audit_entries(db, a, {}); }},
        {"list_users", "O", [](Database& db, const Actor& a) { ops::list_users(db, a); }},
        {"add_user", "O",
         [](Database& db, const Actor& a) {
             ops::add_user(db, a, {"new-" + a.role, "packer", {}, kPassword});
         }},
        {"set_password of another", "O",
         [](Database& db, const Actor& a) { ops::set_password(db, a, "其他人", kPassword); }},
        {"set_badge", "O",
         [](Database& db, const Actor& a) {
             ops::set_badge(db, a, "packer", "B-" + a.role, "1234");
         }},
        {"save_custom_role", "O",
         [](Database& db, const Actor& a) {
             ops::save_custom_role(db, a, "counter", "stock.count");
         }},
        {"disable_user", "O",
         [](Database& db, const Actor& a) { ops::disable_user(db, a, "nobody-here"); }},
        {"list_roles", "O", [](Database& db, const Actor& a) { ops::list_roles(db, a); }},
        {"set_count_check_percent", "O",
         [](Database& db, const Actor& a) { ops::set_count_check_percent(db, a, 30); }},
        {"export_orders", "O",
         [](Database& db, const Actor& a) { ops::export_orders(db, a, {}, "orders.xlsx"); }},
        {"move_shop", "O",
         [](Database& db, const Actor& a) {
             TempDir dir;
             Database to(dir.file("to.db"), test::fixed_clock(), Database::Mode::create);
             ops::move_shop(db, to, a);
         }},
    };
}

bool refused(const UseCase& u, Database& db, const Actor& actor, std::string& why) {
    try {
        u.run(db, actor);
    } catch (const Refused& e) {
        why = e.what();
        return true;
    } catch (const std::exception& e) {
        why = e.what();
    }
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(permissions)

BOOST_AUTO_TEST_CASE(every_role_against_every_use_case) {
    TempDir dir;
    Database db(test::test_database(dir, "roles"), test::fixed_clock(), Database::Mode::create);
    test::seed_small_shop(db);
    const std::vector<std::pair<char, std::string>> roles{
        {'O', "owner"}, {'M', "manager"}, {'P', "packer"}, {'A', "accountant"}};
    ops::add_user(db, ops::actor_without_users("owner", "ws"), {"owner", "owner", {}, kPassword});
    Actor owner = ops::log_in(db, "owner", kPassword, "ws");
    for (const auto& [letter, role] : roles)
        if (role != "owner") ops::add_user(db, owner, {role, role, {}, kPassword});
    ops::add_user(db, owner, {"其他人", "packer", {}, kPassword});

    int checked = 0;
    for (const auto& [letter, role] : roles) {
        // Logging in with the password is a second check for 5 minutes: the sensitive use cases
        // get past it, so what is tested here is the permission alone.
        Actor actor = ops::log_in(db, role, kPassword, "ws");
        for (const UseCase& u : use_cases()) {
            bool allowed = std::string(u.allowed).find(letter) != std::string::npos;
            std::string why;
            bool was_refused = refused(u, db, actor, why);
            BOOST_TEST(was_refused == !allowed,
                       role << " × " << u.name << ": "
                            << (allowed ? "should be allowed" : "should be refused") << " (" << why
                            << ")");
            if (was_refused)
                BOOST_TEST(why.find("\"") != std::string::npos, "names no permission: " << why);
            ++checked;
        }
    }
    BOOST_TEST(checked == 4 * static_cast<int>(use_cases().size()));
}

BOOST_AUTO_TEST_CASE(the_refusal_names_the_permission_and_a_custom_role_gets_its_own) {
    TempDir dir;
    Database db(test::test_database(dir, "custom"), test::fixed_clock(), Database::Mode::create);
    test::seed_small_shop(db);
    ops::add_user(db, ops::actor_without_users("owner", "ws"), {"owner", "owner", {}, kPassword});
    Actor owner = ops::log_in(db, "owner", kPassword, "ws");
    ops::save_custom_role(db, owner, "counter", "stock.count");
    ops::add_user(db, owner, {"盘点员", "counter", {"GZ"}, kPassword});
    Actor counter = ops::log_in(db, "盘点员", kPassword, "ws");
    try {
        ops::move_stock(db, counter, move(ops::StockMoveKind::receive, 5));
        BOOST_FAIL("a counter received stock");
    } catch (const Refused& e) {
        BOOST_TEST(std::string(e.what()).find("stock.move") != std::string::npos, e.what());
    }
    // Counting is theirs, in their warehouse only.
    ops::StockMove count = move(ops::StockMoveKind::count, 0);
    count.warehouse = "GZ";
    BOOST_CHECK_NO_THROW(ops::move_stock(db, counter, count));
    count.warehouse = "CZ";
    BOOST_CHECK_THROW(ops::move_stock(db, counter, count), Refused);
    BOOST_CHECK_THROW(ops::save_custom_role(db, owner, "packer", "stock.count"), InvalidInput);
    BOOST_CHECK_THROW(ops::save_custom_role(db, owner, "x", "stock.fly"), InvalidInput);
}

// Costs leave the use cases only for those who may see them: the data itself is blank, whatever
// a front end does with it.
BOOST_AUTO_TEST_CASE(costs_and_values_reach_only_those_who_may_see_them) {
    TempDir dir;
    Database db(test::test_database(dir, "costs"), test::fixed_clock(), Database::Mode::create);
    test::seed_small_shop(db);
    Actor owner{"owner", "owner", "ws"};
    Actor packer{"packer", "packer", "ws"};
    Actor accountant{"accountant", "accountant", "ws"};
    ops::StockMove receipt = move(ops::StockMoveKind::receive, 10);
    receipt.unit_cost = 1234;
    BOOST_TEST(ops::move_stock(db, owner, receipt).at(0).value == 12340);
    for (const Actor& who : {owner, packer, accountant}) {
        bool sees = who.role != "packer";
        BOOST_TEST(ops::sees_costs(who) == sees);
        StockFilter tea;
        tea.sku = "TEA-1";
        BOOST_TEST((ops::list_stock(db, who, tea).at(0).avg_cost == 1234) == sees);
        BOOST_TEST((ops::list_ledger(db, who, {}).at(0).value == 12340) == sees);
        BOOST_TEST((ops::stock_summary(db, who).at(0).value > 0) == sees);
        bool any_cost = false;
        for (const Sku& s : ops::list_skus(db, who))
            any_cost = any_cost || s.standard_cost > 0;
        BOOST_TEST(any_cost == sees);
    }
}

BOOST_AUTO_TEST_SUITE_END()
