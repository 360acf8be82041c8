#include "core/orders/split_plan.h"

#include <boost/test/unit_test.hpp>

using namespace dj;

namespace {

constexpr Id kCz = 1, kGz = 2, kSh = 3;
constexpr Id kTea = 10, kCup = 11, kPot = 12;

SplitLine line(Id id, std::vector<SplitItem> items, bool presale = false) {
    return {id, std::move(items), presale};
}

// "warehouse:line,line" per part, presale parts marked with a trailing "*".
std::vector<std::string> text(const std::vector<SplitPart>& parts) {
    std::vector<std::string> out;
    for (const SplitPart& p : parts) {
        std::string s = std::to_string(p.warehouse_id) + ":";
        for (std::size_t i = 0; i < p.line_ids.size(); ++i)
            s += (i ? "," : "") + std::to_string(p.line_ids[i]);
        out.push_back(s + (p.presale ? "*" : ""));
    }
    return out;
}

using V = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(split_plan)

BOOST_AUTO_TEST_CASE(two_warehouses_each_with_one_sku_give_two_parts) {
    SplitStock stock{{{kCz, kTea}, 5}, {{kGz, kCup}, 5}};
    auto parts = plan_split({line(1, {{kTea, 2}}), line(2, {{kCup, 1}})}, {kCz, kGz}, stock);
    BOOST_TEST(text(parts) == (V{"1:1", "2:2"}));
}

BOOST_AUTO_TEST_CASE(one_warehouse_that_serves_everything_is_a_single_part) {
    SplitStock stock{{{kCz, kTea}, 1}, {{kGz, kTea}, 5}, {{kGz, kCup}, 5}};
    auto parts = plan_split({line(1, {{kTea, 2}}), line(2, {{kCup, 1}})}, {kCz, kGz}, stock);
    BOOST_TEST(text(parts) == (V{"2:1,2"}));
}

BOOST_AUTO_TEST_CASE(the_preferred_warehouse_comes_first_and_takes_what_it_can) {
    // Both GZ and SH could pair with CZ; CZ is preferred, then GZ.
    SplitStock stock{{{kCz, kTea}, 5}, {{kGz, kCup}, 5}, {{kSh, kCup}, 5}, {{kSh, kTea}, 1}};
    auto parts = plan_split({line(1, {{kTea, 2}}), line(2, {{kCup, 1}})}, {kCz, kGz, kSh}, stock);
    BOOST_TEST(text(parts) == (V{"1:1", "2:2"}));
    // With SH preferred it is SH first, then whichever is next in line for the tea.
    parts = plan_split({line(1, {{kTea, 2}}), line(2, {{kCup, 1}})}, {kSh, kCz, kGz}, stock);
    BOOST_TEST(text(parts) == (V{"3:2", "1:1"}));
}

BOOST_AUTO_TEST_CASE(the_fewest_parts_win_over_the_preferred_warehouse) {
    // CZ can serve one line, but GZ alone cannot serve both and SH can: SH alone is one part.
    SplitStock stock{{{kCz, kTea}, 5}, {{kGz, kCup}, 5}, {{kSh, kTea}, 2}, {{kSh, kCup}, 1}};
    auto parts = plan_split({line(1, {{kTea, 2}}), line(2, {{kCup, 1}})}, {kCz, kGz, kSh}, stock);
    BOOST_TEST(text(parts) == (V{"3:1,2"}));
}

BOOST_AUTO_TEST_CASE(a_bundle_line_stays_whole_in_one_warehouse) {
    // The bundle (tea + pot) cannot be served by CZ (no pot) nor GZ (no tea): no plan.
    SplitStock stock{{{kCz, kTea}, 5}, {{kGz, kPot}, 5}};
    BOOST_TEST(plan_split({line(1, {{kTea, 1}, {kPot, 1}})}, {kCz, kGz}, stock).empty());
    stock[{kGz, kTea}] = 1;
    auto parts =
        plan_split({line(1, {{kTea, 1}, {kPot, 1}}), line(2, {{kTea, 3}})}, {kCz, kGz}, stock);
    BOOST_TEST(text(parts) == (V{"1:2", "2:1"}));
}

BOOST_AUTO_TEST_CASE(lines_of_the_same_sku_share_a_warehouse_stock) {
    // 3 teas in CZ: lines of 2 and 2 cannot both come from there.
    SplitStock stock{{{kCz, kTea}, 3}, {{kGz, kTea}, 2}};
    auto parts = plan_split({line(1, {{kTea, 2}}), line(2, {{kTea, 2}})}, {kCz, kGz}, stock);
    BOOST_TEST(text(parts) == (V{"1:1", "2:2"}));
}

BOOST_AUTO_TEST_CASE(a_line_no_warehouse_can_serve_leaves_no_plan) {
    SplitStock stock{{{kCz, kTea}, 5}, {{kGz, kCup}, 1}};
    BOOST_TEST(plan_split({line(1, {{kTea, 1}}), line(2, {{kCup, 2}})}, {kCz, kGz}, stock).empty());
    // Enough of each somewhere, but not for both lines at once.
    stock = {{{kCz, kTea}, 1}};
    BOOST_TEST(plan_split({line(1, {{kTea, 1}}), line(2, {{kTea, 1}})}, {kCz, kGz}, stock).empty());
    BOOST_TEST(plan_split({}, {kCz}, stock).empty());
    BOOST_TEST(plan_split({line(1, {{kTea, 1}})}, {}, stock).empty());
}

BOOST_AUTO_TEST_CASE(presale_lines_go_to_a_part_of_their_own) {
    SplitStock stock{{{kCz, kTea}, 5}, {{kCz, kCup}, 5}};
    auto parts = plan_split({line(1, {{kTea, 1}}), line(2, {{kCup, 1}}, true)}, {kCz, kGz}, stock);
    BOOST_TEST(text(parts) == (V{"1:1", "1:2*"}));
    // Not in stock anywhere yet: it waits in the preferred warehouse.
    parts =
        plan_split({line(1, {{kTea, 1}}), line(2, {{kPot, 4}}, true), line(3, {{kPot, 1}}, true)},
                   {kCz, kGz}, stock);
    BOOST_TEST(text(parts) == (V{"1:1", "1:2,3*"}));
    // In stock elsewhere: that warehouse.
    stock[{kGz, kPot}] = 5;
    parts =
        plan_split({line(1, {{kTea, 1}}), line(2, {{kPot, 4}}, true), line(3, {{kPot, 1}}, true)},
                   {kCz, kGz}, stock);
    BOOST_TEST(text(parts) == (V{"1:1", "2:2,3*"}));
}

BOOST_AUTO_TEST_CASE(an_order_of_presale_lines_only_is_planned_as_a_whole) {
    SplitStock stock{{{kCz, kTea}, 5}, {{kCz, kCup}, 5}};
    auto parts =
        plan_split({line(1, {{kTea, 1}}, true), line(2, {{kCup, 1}}, true)}, {kCz, kGz}, stock);
    BOOST_TEST(text(parts) == (V{"1:1,2"}));
}

BOOST_AUTO_TEST_CASE(a_big_order_over_many_warehouses_still_gets_a_plan) {
    // 40 lines of distinct SKUs over 8 warehouses, each SKU in exactly one warehouse: the
    // search must not stall, and every line lands where its SKU is.
    std::vector<SplitLine> lines;
    std::vector<Id> warehouses;
    SplitStock stock;
    for (Id w = 1; w <= 8; ++w)
        warehouses.push_back(w);
    for (Id i = 1; i <= 40; ++i) {
        lines.push_back(line(i, {{100 + i, 1}}));
        stock[{1 + (i * 7) % 8, 100 + i}] = 1;
    }
    auto parts = plan_split(lines, warehouses, stock);
    BOOST_TEST(parts.size() == 8u);
    std::size_t placed = 0;
    for (const SplitPart& p : parts)
        for (Id l : p.line_ids) {
            BOOST_TEST(stock.count({p.warehouse_id, 100 + l}) == 1u);
            ++placed;
        }
    BOOST_TEST(placed == 40u);
}

BOOST_AUTO_TEST_CASE(paid_amount_is_shared_by_value_and_adds_up) {
    BOOST_TEST(share_paid(10000, {6000, 4000}) == (std::vector<Fen>{6000, 4000}));
    // 100.00 over three equal parts: the first takes the odd fen.
    BOOST_TEST(share_paid(10000, {1, 1, 1}) == (std::vector<Fen>{3334, 3333, 3333}));
    // A discount shared in proportion.
    BOOST_TEST(share_paid(9000, {7500, 2500}) == (std::vector<Fen>{6750, 2250}));
    BOOST_TEST(share_paid(500, {0, 0}) == (std::vector<Fen>{500, 0}));
    BOOST_TEST(share_paid(500, {}).empty());
}

BOOST_AUTO_TEST_SUITE_END()
