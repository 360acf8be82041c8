#include "core/fulfilment/pick_list.h"

#include <boost/test/unit_test.hpp>

using namespace dj;

namespace {

Lot lot(Id id, Id sku, Id location, int walk, Qty qty, std::string expiry = {}) {
    Lot l;
    l.id = id;
    l.sku_id = sku;
    l.warehouse_id = 1;
    l.location_id = location;
    if (!expiry.empty()) l.batch_id = id;
    l.expiry = std::move(expiry);
    l.walk_order = walk;
    l.on_hand = qty;
    return l;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pick_list)

BOOST_AUTO_TEST_CASE(aggregates_per_location_with_slots_in_walk_order) {
    std::map<Id, std::vector<Lot>> lots{{1, {lot(1, 1, 20, 20, 10)}}, {2, {lot(2, 2, 10, 10, 10)}}};
    auto stops = build_pick_list({{1, 1, 2}, {1, 2, 1}, {2, 1, 3}, {3, 2, 4}}, lots);
    BOOST_TEST(stops.size() == 2u);
    BOOST_TEST(stops[0].sku_id == 2);  // walk 10 first
    BOOST_TEST(stops[0].qty == 5);
    BOOST_TEST(stops[0].slots.size() == 2u);
    BOOST_TEST(stops[0].slots[1].slot == 3);
    BOOST_TEST(stops[0].slots[1].qty == 4);
    BOOST_TEST(stops[1].sku_id == 1);
    BOOST_TEST(stops[1].qty == 5);
}

BOOST_AUTO_TEST_CASE(earliest_expiry_first_and_split_across_lots) {
    // The later batch sits earlier on the walk; FEFO still takes the earlier expiry first.
    std::map<Id, std::vector<Lot>> lots{
        {1, {lot(1, 1, 10, 10, 5, "2027-06-30"), lot(2, 1, 20, 20, 3, "2027-01-31")}}};
    auto stops = build_pick_list({{1, 1, 2}, {2, 1, 3}}, lots);
    BOOST_TEST(stops.size() == 2u);
    BOOST_TEST(stops[0].walk_order == 10);
    BOOST_TEST(stops[0].expiry == "2027-06-30");
    BOOST_TEST(stops[0].qty == 2);
    BOOST_TEST(stops[0].slots[0].slot == 2);
    BOOST_TEST(stops[1].expiry == "2027-01-31");
    BOOST_TEST(stops[1].qty == 3);  // slot 1 takes 2, slot 2 takes the last 1
    BOOST_TEST(stops[1].slots.size() == 2u);
}

BOOST_AUTO_TEST_CASE(uncovered_units_become_a_stop_without_location_last) {
    std::map<Id, std::vector<Lot>> lots{{1, {lot(1, 1, 10, 10, 1)}}};
    auto stops = build_pick_list({{1, 1, 3}, {2, 1, 1}}, lots);
    BOOST_TEST(stops.size() == 2u);
    BOOST_TEST(stops[0].qty == 1);
    BOOST_TEST(!stops[1].location_id.has_value());
    BOOST_TEST(stops[1].qty == 3);
    BOOST_TEST(stops[1].slots.size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
