#include "store/orders/order_split.h"

#include <boost/test/unit_test.hpp>

#include "core/base/clock.h"
#include "core/base/error.h"
#include "ops/order_intake.h"
#include "ops/order_parcels.h"
#include "ops/order_review.h"
#include "ops/ship_order.h"
#include "ops/shop_setup.h"
#include "ops/stock_service.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"
#include "store/orders/order_allocation.h"
#include "store/orders/order_hold_repository.h"
#include "store/orders/order_repository.h"
#include "store/orders/order_review.h"
#include "store/stock/stock_posting.h"
#include "store/testing/sql_probe.h"
#include "test_clock.h"
#include "test_db.h"

using namespace dj;

namespace {

// seed_small_shop's CZ (the store's warehouse) has 5 TEA-1 and no cups; GZ has 5 CUP-1 and
// no tea. Orders have a cup line first, then a tea line.
struct SplitShop {
    test::TempDir dir;
    Database db{test::test_database(dir, "split.db"), test::fixed_clock()};
    Id cz = 0, gz = 0;

    SplitShop() {
        test::seed_small_shop(db);
        receive("TEA-1", 5, "CZ");
        receive("CUP-1", 5, "GZ");
        cz = testing::SqlProbe(db).integer("SELECT id FROM warehouse WHERE code = 'CZ'");
        gz = testing::SqlProbe(db).integer("SELECT id FROM warehouse WHERE code = 'GZ'");
    }
    void receive(const std::string& sku, Qty qty, const std::string& warehouse) {
        ops::StockService::Receive r;
        r.sku = sku;
        r.qty = qty;
        r.warehouse = warehouse;
        r.unit_cost = 800;
        if (sku == "TEA-1") {  // kept by batch: it has a shelf life
            r.batch = "L1";
            r.expiry = "2027-12-31";
        }
        ops::StockService(db, test::test_actor()).receive(r);
    }
    void policy(SplitPolicy p) {
        ops::set_store_split_policy(db, test::test_actor(), "tb-main", p);
    }
    static Order order(const std::string& no, Qty cups, Qty teas, bool cups_presale = false) {
        Order o;
        o.store_id = 1;
        o.platform_order_id = no;
        o.status = OrderStatus::to_ship;
        o.buyer_nick = "buyer-" + no;
        o.receiver = {"张**", "138****" + no, "江苏省", "常州市", "武进区", "湖塘镇***"};
        o.created_at = parse_time("2026-11-24T09:00:00+08:00", "created");
        o.paid_at = o.created_at;
        o.modified_at = o.created_at;
        if (cups > 0) o.lines.push_back({0, "5012", "CUP-1", "陶瓷杯", cups, 1990, cups_presale});
        if (teas > 0) o.lines.push_back({0, "5013", "TEA-1", "西湖龙井", teas, 9900});
        o.paid_amount = 1990 * cups + 9900 * teas - 1000;  // a 10.00 discount
        return o;
    }
    Id accept(const Order& o) {
        StockPosting p(db);
        ops::OrderIntake(p, Actor{"tester", "owner", "test"}).take(o).stored;
        p.commit();
        return id_of(o.platform_order_id);
    }
    Id id_of(const std::string& no) {
        return testing::SqlProbe(db).integer(
            "SELECT ifnull((SELECT id FROM shop_order WHERE platform_order_id = '" + no + "'), 0)");
    }
    std::string column(const std::string& no, const std::string& col) {
        return testing::SqlProbe(db).text(
            "SELECT ifnull(CAST(" + col +
            " AS TEXT), '') FROM shop_order WHERE platform_order_id = '" + no + "'");
    }
    long long count(const std::string& sql) { return testing::SqlProbe(db).integer(sql); }
    long long lines_of(const std::string& no) {
        return count("SELECT count(*) FROM order_line WHERE order_id = " +
                     std::to_string(id_of(no)));
    }
    Qty reserved(const std::string& sku, Id wh) {
        return count(
            "SELECT ifnull((SELECT reserved FROM stock_balance b JOIN sku k ON k.id = "
            "b.sku_id WHERE k.code = '" +
            sku + "' AND b.warehouse_id = " + std::to_string(wh) + "), 0)");
    }
    std::vector<std::string> hold_sources(const std::string& no) {
        std::vector<std::string> out;
        for (const OrderHold& h : OrderHoldRepository(db).list(id_of(no)))
            out.push_back(std::string(hold_source_code(h.source)));
        return out;
    }
    std::string hold_reason(const std::string& no, HoldSource source) {
        for (const OrderHold& h : OrderHoldRepository(db).list(id_of(no)))
            if (h.source == source) return h.reason;
        return {};
    }
    std::vector<Id> split(const std::string& no) {
        return ops::split_order(db, test::test_actor(), id_of(no));
    }
    void unsplit(const std::string& no) { ops::unsplit_order(db, test::test_actor(), id_of(no)); }
    // The split "S1" every test starts from under the split policy: S1 keeps the tea in CZ,
    // S1-2 takes the cup to GZ.
    Order split_s1() {
        policy(SplitPolicy::split);
        Order o = order("S1", 1, 2);
        accept(o);
        return o;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(order_split, SplitShop)

BOOST_AUTO_TEST_CASE(split_by_availability_under_the_split_policy) {
    split_s1();
    BOOST_TEST(count("SELECT count(*) FROM shop_order") == 2);
    // The original keeps its platform id and the line CZ can serve.
    BOOST_TEST(column("S1", "allocation") == "allocated");
    BOOST_TEST(column("S1", "warehouse_id") == std::to_string(cz));
    BOOST_TEST(column("S1", "split_from") == "");
    BOOST_TEST(lines_of("S1") == 1);
    BOOST_TEST(column("S1-2", "allocation") == "allocated");
    BOOST_TEST(column("S1-2", "warehouse_id") == std::to_string(gz));
    BOOST_TEST(column("S1-2", "rule_warehouse_id") == std::to_string(gz));
    BOOST_TEST(column("S1-2", "split_from") == std::to_string(id_of("S1")));
    BOOST_TEST(lines_of("S1-2") == 1);
    // The line kept its number and its local SKU went with it.
    BOOST_TEST(count("SELECT line_no FROM order_line WHERE order_id = " +
                     std::to_string(id_of("S1-2"))) == 1);
    BOOST_TEST(count("SELECT count(*) FROM order_line_item i JOIN order_line l ON l.id = "
                     "i.order_line_id WHERE l.order_id = " +
                     std::to_string(id_of("S1-2"))) == 1);
    // Header copied.
    BOOST_TEST(column("S1-2", "receiver_name") == "张**");
    BOOST_TEST(column("S1-2", "buyer_nick") == "buyer-S1");
    BOOST_TEST(column("S1-2", "status") == "to_ship");
    // 207.90 paid for 217.90 of goods: the cup's share is 19.90 × 20790 / 21790 = 18.98.
    BOOST_TEST(column("S1-2", "paid_amount_fen") == "1898");
    BOOST_TEST(column("S1", "paid_amount_fen") == "18892");
    BOOST_TEST(reserved("TEA-1", cz) == 2);
    BOOST_TEST(reserved("CUP-1", gz) == 1);
    BOOST_TEST(hold_sources("S1").empty());
    BOOST_TEST(hold_sources("S1-2").empty());
    // Both parts' histories tell, and the split is audited.
    for (const std::string no : {"S1", "S1-2"}) {
        std::vector<RuleLogEntry> log = order_rule_log(db, id_of(no));
        BOOST_TEST_REQUIRE(!log.empty());
        BOOST_TEST(log.back().rule == "split");
        BOOST_TEST(log.back().detail.find("of 2 of order S1") != std::string::npos);
    }
    BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'order.split' AND "
                     "subject = 'S1' AND user = 'rules'") == 1);
}

BOOST_AUTO_TEST_CASE(hold_policy_holds_with_the_warehouses_until_split_by_hand) {
    accept(order("H1", 1, 2));
    BOOST_TEST(count("SELECT count(*) FROM shop_order") == 1);
    BOOST_TEST(column("H1", "allocation") == "short");
    std::string reason = hold_reason("H1", HoldSource::split);
    BOOST_TEST(reason.find("2 warehouses (CZ, GZ)") != std::string::npos, reason);
    BOOST_TEST(reason.find("order split H1") != std::string::npos, reason);
    std::vector<Id> parts = split("H1");
    BOOST_TEST(parts.size() == 2u);
    BOOST_TEST(hold_sources("H1").empty());
    BOOST_TEST(column("H1", "allocation") == "allocated");
    BOOST_TEST(column("H1-2", "allocation") == "allocated");
    BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'order.split' AND "
                     "user = 'tester'") == 1);
    // Splitting again is refused with what to do.
    try {
        split("H1");
        BOOST_FAIL("split twice");
    } catch (const InvalidInput& e) {
        BOOST_TEST(std::string(e.what()).find("unsplit it first") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(the_split_hold_goes_when_the_order_can_ship_whole) {
    accept(order("H2", 1, 2));
    BOOST_TEST(hold_sources("H2") == (std::vector<std::string>{"split"}));
    receive("CUP-1", 3, "CZ");
    BOOST_TEST(column("H2", "allocation") == "allocated");
    BOOST_TEST(hold_sources("H2").empty());
}

BOOST_AUTO_TEST_CASE(an_order_no_warehouse_can_serve_stays_short_without_a_split) {
    policy(SplitPolicy::split);
    accept(order("N1", 9, 1));  // 9 cups: GZ has 5
    BOOST_TEST(count("SELECT count(*) FROM shop_order") == 1);
    BOOST_TEST(column("N1", "allocation") == "short");
    BOOST_TEST(hold_sources("N1").empty());
    BOOST_CHECK_THROW(split("N1"), InvalidInput);
    // One warehouse can serve it whole: nothing to split.
    accept(order("N2", 0, 1));
    BOOST_CHECK_THROW(split("N2"), InvalidInput);
}

BOOST_AUTO_TEST_CASE(presale_lines_split_off_to_ship_later) {
    policy(SplitPolicy::split);
    receive("CUP-1", 5, "CZ");
    accept(order("P1", 1, 1, true));
    BOOST_TEST(count("SELECT count(*) FROM shop_order") == 2);
    BOOST_TEST(column("P1", "allocation") == "allocated");
    BOOST_TEST(column("P1", "presale") == "0");
    BOOST_TEST(hold_sources("P1").empty());
    BOOST_TEST(column("P1-2", "presale") == "1");
    BOOST_TEST(hold_sources("P1-2") == (std::vector<std::string>{"presale"}));
    BOOST_TEST(hold_reason("P1-2", HoldSource::presale).find("release it when the goods are in") !=
               std::string::npos);
    BOOST_TEST(count("SELECT presale FROM order_line WHERE order_id = " +
                     std::to_string(id_of("P1-2"))) == 1);
}

BOOST_AUTO_TEST_CASE(presale_lines_hold_the_whole_order_under_the_hold_policy) {
    receive("CUP-1", 5, "CZ");
    accept(order("P2", 1, 1, true));
    BOOST_TEST(count("SELECT count(*) FROM shop_order") == 1);
    BOOST_TEST(column("P2", "allocation") == "allocated");
    BOOST_TEST(hold_sources("P2") == (std::vector<std::string>{"split"}));
    BOOST_TEST(hold_reason("P2", HoldSource::split).find("presale") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_same_order_again_from_the_platform_keeps_the_split) {
    Order o = split_s1();
    accept(o);  // unchanged
    o.modified_at += 60;
    o.seller_memo = "轻放";
    accept(o);
    BOOST_TEST(count("SELECT count(*) FROM shop_order") == 2);
    BOOST_TEST(lines_of("S1") == 1);
    BOOST_TEST(lines_of("S1-2") == 1);
    BOOST_TEST(column("S1", "seller_memo") == "轻放");
    BOOST_TEST(column("S1-2", "seller_memo") == "轻放");
    BOOST_TEST(column("S1-2", "paid_amount_fen") == "1898");
    BOOST_TEST(column("S1", "allocation") == "allocated");
    BOOST_TEST(column("S1-2", "allocation") == "allocated");
    BOOST_TEST(reserved("TEA-1", cz) == 2);
    BOOST_TEST(reserved("CUP-1", gz) == 1);
}

BOOST_AUTO_TEST_CASE(status_changes_reach_every_part_and_each_stays_in_its_warehouse) {
    Order o = split_s1();
    o.modified_at += 60;
    o.status = OrderStatus::refund_requested;
    accept(o);
    for (const std::string no : {"S1", "S1-2"}) {
        BOOST_TEST(column(no, "status") == "refund_requested");
        BOOST_TEST(column(no, "allocation") == "none");
        std::optional<OrderHold> hold = OrderHoldRepository(db).find(id_of(no));
        BOOST_TEST_REQUIRE(hold.has_value());
        BOOST_TEST(hold_source_code(hold->source) == "rule");
    }
    BOOST_TEST(reserved("TEA-1", cz) == 0);
    BOOST_TEST(reserved("CUP-1", gz) == 0);
    // Refund withdrawn: both parts wait again, each in the warehouse its split chose.
    o.modified_at += 60;
    o.status = OrderStatus::to_ship;
    accept(o);
    BOOST_TEST(column("S1", "allocation") == "allocated");
    BOOST_TEST(column("S1-2", "allocation") == "allocated");
    BOOST_TEST(column("S1-2", "warehouse_id") == std::to_string(gz));
    BOOST_TEST(reserved("CUP-1", gz) == 1);
    BOOST_TEST(count("SELECT count(*) FROM shop_order") == 2);
}

BOOST_AUTO_TEST_CASE(changed_lines_put_the_parts_back_before_they_are_replaced) {
    Order o = split_s1();
    o.modified_at += 60;
    o.lines.push_back({0, "5013", "TEA-1", "西湖龙井", 1, 9900});
    accept(o);
    // Put back, replaced, and split again by the store's policy around the new lines.
    BOOST_TEST(count("SELECT count(*) FROM shop_order") == 2);
    BOOST_TEST(lines_of("S1") == 2);
    BOOST_TEST(lines_of("S1-2") == 1);
    BOOST_TEST(reserved("TEA-1", cz) == 3);
    BOOST_TEST(reserved("CUP-1", gz) == 1);
    BOOST_TEST(count("SELECT count(*) FROM order_rule_log WHERE action = 'unsplit'") == 1);
}

BOOST_AUTO_TEST_CASE(unsplit_puts_the_parts_back_and_keeps_the_order_whole) {
    split_s1();
    unsplit("S1-2");
    BOOST_TEST(count("SELECT count(*) FROM shop_order") == 1);
    BOOST_TEST(lines_of("S1") == 2);
    BOOST_TEST(column("S1", "paid_amount_fen") == "20790");
    BOOST_TEST(column("S1", "rule_warehouse_id") == "");
    BOOST_TEST(reserved("CUP-1", gz) == 0);
    BOOST_TEST(reserved("TEA-1", cz) == 0);
    // A person put it together: the split policy holds it instead of splitting it again.
    BOOST_TEST(column("S1", "allocation") == "short");
    BOOST_TEST(hold_sources("S1") == (std::vector<std::string>{"split"}));
    // The part's history moved to the original.
    BOOST_TEST(count("SELECT count(*) FROM order_rule_log WHERE order_id = " +
                     std::to_string(id_of("S1")) + " AND rule = 'split'") == 3);
    BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'order.unsplit'") == 1);
    BOOST_CHECK_THROW(unsplit("S1"), InvalidInput);
    // Split by hand again, it may be.
    BOOST_TEST(split("S1").size() == 2u);
}

BOOST_AUTO_TEST_CASE(unsplit_is_refused_once_a_part_is_packed) {
    split_s1();
    testing::SqlProbe(db).exec(
        "INSERT INTO order_packed(order_id, packed_at, packed_by, workstation) VALUES (" +
        std::to_string(id_of("S1-2")) + ", 1, 'p', 'w')");
    try {
        unsplit("S1");
        BOOST_FAIL("unsplit of a packed part");
    } catch (const InvalidInput& e) {
        BOOST_TEST(std::string(e.what()).find("S1-2 is packed") != std::string::npos, e.what());
    }
    BOOST_TEST(count("SELECT count(*) FROM shop_order") == 2);
}

BOOST_AUTO_TEST_CASE(a_shipped_part_is_confirmed_under_the_original_platform_id) {
    split_s1();
    BOOST_TEST((split_part_numbers(db, id_of("S1-2")) == std::vector<std::string>{"S1", "S1-2"}));
    BOOST_TEST((split_part_numbers(db, id_of("S1")) == std::vector<std::string>{"S1", "S1-2"}));
    ops::ship_order(db, test::test_actor(),
                    {ops::find_order(db, "S1-2"), "ZTO", "75310000000100", false});
    BOOST_TEST(column("S1-2", "allocation") == "shipped");
    BOOST_TEST(testing::SqlProbe(db).text("SELECT subject FROM outbox WHERE kind = 'shipment' AND "
                                          "tracking_no = '75310000000100'") == "S1");
    BOOST_TEST(shipment_subject(db, id_of("S1")) == "S1");
    // The platform still says "to ship" (the tea has not gone): the shipped part stays shipped.
    Order o = order("S1", 1, 2);
    o.modified_at += 60;
    o.buyer_note = "谢谢";
    accept(o);
    BOOST_TEST(column("S1-2", "status") == "shipped");
    BOOST_TEST(column("S1", "buyer_note") == "谢谢");
    BOOST_TEST(column("S1", "allocation") == "allocated");
    BOOST_CHECK_THROW(unsplit("S1"), InvalidInput);
    // The platform takes one confirmation per order: the second part is recorded here only.
    ops::ship_order(db, test::test_actor(),
                    {ops::find_order(db, "S1"), "ZTO", "75310000000101", false});
    BOOST_TEST(count("SELECT count(*) FROM outbox WHERE kind = 'shipment'") == 1);
    BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'order.ship.part' AND "
                     "detail LIKE '%75310000000101%75310000000100%'") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
