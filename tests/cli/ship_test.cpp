// The one ship path from each command that ships (order ship, orders ship; pack in
// waves_test.cpp): exactly one platform confirmation per shipped order, the action audited, and a
// wrong carrier, a malformed tracking number or a number other than the label's refused with a
// message and nothing changed.
#include "cli/cli_support.h"

using namespace cli_test;
using nlohmann::json;

namespace {

struct ShipShop : ErrorShop {
    long long count(const std::string& sql) const { return std::stoll(sql_text(db(), sql)); }
    long long confirmations(const std::string& order) const {
        return count("SELECT count(*) FROM outbox WHERE kind = 'shipment' AND subject = '" + order +
                     "'");
    }
    long long audited(const std::string& action, const std::string& order) const {
        return count("SELECT count(*) FROM audit_log WHERE action = '" + action +
                     "' AND subject = '" + order + "'");
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(cli_ship, ShipShop)

BOOST_AUTO_TEST_CASE(wrong_carriers_and_numbers_are_refused_and_change_nothing) {
    refused_unchanged({"order", "ship", kOrder1}, {kOrder1, "no waybill", "--carrier"});
    refused_unchanged({"order", "ship", kOrder1, "--carrier", "快递100", "--tracking", "1"},
                      {kOrder1, "快递100", "ZTO", "SF"});
    refused_unchanged({"order", "ship", kOrder1, "--carrier", "ZTO", "--tracking", "ZT-1"},
                      {kOrder1, "ZT-1", "75312345678901"});
    refused_unchanged({"order", "ship", kOrder1, "--carrier", "SF", "--tracking", "75310000000001"},
                      {kOrder1, "75310000000001"});
    refused_unchanged({"order", "waybill", kOrder1, "--carrier", "ZTO", "--tracking", "12"},
                      {kOrder1, "12"});
}

BOOST_AUTO_TEST_CASE(order_ship_queues_one_confirmation_and_audits) {
    Run r = ok({"order", "ship", kOrder1, "--carrier", "中通", "--tracking", "7531 0000 0000 01"});
    BOOST_TEST(contains(r.out, "ZTO 75310000000001"), r.out);
    BOOST_TEST(confirmations(kOrder1) == 1);
    BOOST_TEST(sql_text(db(), "SELECT carrier || ' ' || tracking_no FROM outbox WHERE subject = '" +
                                  kOrder1 + "'") == "ZTO 75310000000001");
    BOOST_TEST(audited("order.ship", kOrder1) == 1);
    BOOST_TEST(audited("order.waybill", kOrder1) == 1);
    // Shipping again is refused and queues nothing.
    fails({"order", "ship", kOrder1});
    BOOST_TEST(confirmations(kOrder1) == 1);
}

BOOST_AUTO_TEST_CASE(a_number_other_than_the_label_needs_relabel) {
    ok({"order", "waybill", kOrder3, "--carrier", "JD", "--tracking", "JDV000000000003"});
    refused_unchanged(
        {"order", "ship", kOrder3, "--carrier", "JD", "--tracking", "JDV000000000099"},
        {kOrder3, "JDV000000000003", "JDV000000000099", "--relabel"});
    ok({"order", "ship", kOrder3, "--carrier", "JD", "--tracking", "JDV000000000099", "--relabel"});
    BOOST_TEST(confirmations(kOrder3) == 1);
    BOOST_TEST(sql_text(db(), "SELECT tracking_no FROM outbox WHERE subject = '" + kOrder3 + "'") ==
               "JDV000000000099");
    BOOST_TEST(audited("order.relabel", kOrder3) == 1);
    BOOST_TEST(audited("order.ship", kOrder3) == 1);
}

BOOST_AUTO_TEST_CASE(orders_ship_uses_the_label_and_queues_one_confirmation) {
    refused_unchanged({"orders", "ship", "jd-1", kOrder3}, {kOrder3, "no waybill"});
    ok({"order", "waybill", kOrder3, "--carrier", "JD", "--tracking", "JDV000000000003"});
    json moved = list({"orders", "ship", "jd-1", kOrder3});
    BOOST_TEST(moved.size() == 1u);
    BOOST_TEST(confirmations(kOrder3) == 1);
    BOOST_TEST(sql_text(db(), "SELECT tracking_no FROM outbox WHERE subject = '" + kOrder3 + "'") ==
               "JDV000000000003");
    BOOST_TEST(audited("order.ship", kOrder3) == 1);
    ok({"check"});
}

BOOST_AUTO_TEST_SUITE_END()
