#include "core/stock/lot_allocation.h"

#include <boost/test/unit_test.hpp>

using namespace dj;

namespace {
Lot lot(Id id, std::optional<Id> location, std::optional<Id> batch, std::string expiry, int walk,
        Qty on_hand) {
    Lot l;
    l.id = id;
    l.location_id = location;
    l.batch_id = batch;
    l.expiry = std::move(expiry);
    l.walk_order = walk;
    l.on_hand = on_hand;
    return l;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(lot_allocation)

BOOST_AUTO_TEST_CASE(earliest_expiry_first) {
    std::vector<Lot> lots{lot(1, 10, 100, "2027-06-01", 5, 4), lot(2, 11, 101, "2027-01-01", 9, 3),
                          lot(3, 12, 102, "2027-03-01", 1, 10)};
    LotPick p = pick_fefo(lots, 5);
    BOOST_TEST(p.shortfall == 0);
    BOOST_TEST_REQUIRE(p.takes.size() == 2u);
    BOOST_TEST(p.takes[0].lot_index == 1u);
    BOOST_TEST(p.takes[0].qty == 3);
    BOOST_TEST(p.takes[1].lot_index == 2u);
    BOOST_TEST(p.takes[1].qty == 2);
}

BOOST_AUTO_TEST_CASE(undated_last_then_walk_order) {
    std::vector<Lot> lots{lot(1, 10, std::nullopt, "", 50, 5), lot(2, 11, std::nullopt, "", 20, 5),
                          lot(3, 12, 100, "2030-01-01", 90, 1)};
    LotPick p = pick_fefo(lots, 7);
    BOOST_TEST_REQUIRE(p.takes.size() == 3u);
    BOOST_TEST(p.takes[0].lot_index == 2u);  // the dated batch
    BOOST_TEST(p.takes[1].lot_index == 1u);  // walk order 20 before 50
    BOOST_TEST(p.takes[1].qty == 5);
    BOOST_TEST(p.takes[2].qty == 1);
}

BOOST_AUTO_TEST_CASE(skips_empty_and_negative_lots_and_reports_shortfall) {
    std::vector<Lot> lots{lot(1, 10, std::nullopt, "", 1, 0), lot(2, 11, std::nullopt, "", 2, -3),
                          lot(3, 12, std::nullopt, "", 3, 2)};
    LotPick p = pick_fefo(lots, 5);
    BOOST_TEST_REQUIRE(p.takes.size() == 1u);
    BOOST_TEST(p.takes[0].lot_index == 2u);
    BOOST_TEST(p.shortfall == 3);
}

BOOST_AUTO_TEST_CASE(pinned_to_location_or_batch) {
    std::vector<Lot> lots{lot(1, 10, 100, "2027-01-01", 1, 5), lot(2, 11, 100, "2027-01-01", 2, 5),
                          lot(3, 11, 101, "2026-12-01", 2, 5)};
    LotPick at_location = pick_fefo_at(lots, 6, Id{11}, std::nullopt);
    BOOST_TEST_REQUIRE(at_location.takes.size() == 2u);
    BOOST_TEST(at_location.takes[0].lot_index == 2u);
    BOOST_TEST(at_location.takes[1].lot_index == 1u);
    LotPick of_batch = pick_fefo_at(lots, 20, std::nullopt, Id{100});
    BOOST_TEST(of_batch.takes.size() == 2u);
    BOOST_TEST(of_batch.shortfall == 10);
}

BOOST_AUTO_TEST_SUITE_END()
