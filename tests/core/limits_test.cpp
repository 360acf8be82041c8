// Limits on what enters (core/base/limits.h) and arithmetic that refuses instead of wrapping:
// no input can put the ledger in a state its own check cannot read.
#include "core/base/limits.h"

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <limits>
#include <string>

#include "core/orders/order_limits.h"
#include "core/stock/moving_average.h"
#include "core/stock/sku_limits.h"
#include "core/stock/stock_book.h"

using namespace dj;

namespace {

constexpr std::int64_t kHuge = std::numeric_limits<std::int64_t>::max();

class EmptyShop : public StockSource {
  public:
    Balance load_balance(Id, Id) override { return on_hand; }
    std::vector<Lot> load_lots(Id s, Id w) override {
        if (on_hand.on_hand == 0) return {};
        Lot lot;
        lot.id = 1;
        lot.sku_id = s;
        lot.warehouse_id = w;
        lot.on_hand = on_hand.on_hand;
        return {lot};
    }
    CostState load_cost(Id) override { return cost; }
    bool warehouse_allows_negative(Id) override { return false; }
    std::string batch_expiry(Id) override { return {}; }
    int location_walk_order(Id) override { return 0; }
    std::string sku_label(Id) override { return "TEA-0001"; }
    std::string warehouse_label(Id) override { return "CZ"; }
    std::string location_label(Id) override { return "A-01"; }
    std::optional<Id> receiving_location(Id) override { return std::nullopt; }
    ShelfDates shelf_dates(Id) override { return {"2026-11-24", "2026-11-24"}; }
    Balance on_hand;
    CostState cost{0, 0, 1000};
};

MovementContext at_noon() {
    MovementContext c;
    c.at = 1'764'000'000;
    c.actor = {"li", "manager", "pc-1"};
    return c;
}

Order plain_order() {
    Order o;
    o.platform_order_id = "T1001";
    o.created_at = o.modified_at = 1'764'000'000;
    o.paid_amount = 2500;
    o.lines.push_back({0, "sku-1", "TEA-0001", "普洱茶", 2, 1250, false});
    return o;
}

template <class F>
std::string refusal(F&& f) {
    try {
        f();
    } catch (const InvalidInput& e) {
        return e.what();
    }
    return "(accepted)";
}

bool says(const std::string& message, const std::string& part) {
    return message.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(limits)

BOOST_AUTO_TEST_CASE(checked_arithmetic_refuses_instead_of_wrapping) {
    BOOST_TEST(add_checked(2, 3, "x") == 5);
    BOOST_TEST(mul_checked(-4, 3, "x") == -12);
    BOOST_CHECK_THROW(add_checked(kHuge, 1, "x"), Overflow);
    BOOST_CHECK_THROW(add_checked(-kHuge, -2, "x"), Overflow);
    BOOST_CHECK_THROW(mul_checked(kHuge / 2, 3, "x"), Overflow);
    BOOST_TEST(says(refusal([] { add_checked(kHuge, 1, "SKU A1"); }), "SKU A1"));
}

BOOST_AUTO_TEST_CASE(text_must_be_utf8_without_control_characters_and_not_too_long) {
    require_text("普洱茶 357g", 10, "name");
    require_text("两行\n备注", 10, "memo", true);
    BOOST_TEST(says(refusal([] {
                        require_text(
                            "a\xff"
                            "b",
                            10, "name");
                    }),
                    "UTF-8"));
    BOOST_TEST(says(refusal([] { require_text("\xe6\x99", 10, "name"); }), "UTF-8"));  // cut
    BOOST_TEST(says(refusal([] { require_text("\xc0\xaf", 10, "name"); }), "UTF-8"));  // overlong
    BOOST_TEST(says(refusal([] { require_text("\xed\xa0\x80", 10, "name"); }), "UTF-8"));
    BOOST_TEST(says(refusal([] { require_text("a\x01", 10, "name"); }), "control"));
    BOOST_TEST(says(refusal([] { require_text("a\nb", 10, "name"); }), "control"));
    BOOST_TEST(says(refusal([] { require_text("一二三四五六七八九十一", 10, "name"); }),
                    "11 characters long; at most 10"));
}

BOOST_AUTO_TEST_CASE(the_book_refuses_quantities_and_costs_beyond_the_limits) {
    EmptyShop shop;
    StockBook book(shop);
    ReceiveArgs a{1, 1, kHuge, std::nullopt, std::nullopt, 100, false};
    std::string why = refusal([&] { book.receive(at_noon(), a); });
    BOOST_TEST(says(why, "TEA-0001"));
    BOOST_TEST(says(why, "from 1 to 10000000"));
    a.qty = kMaxQty;
    a.unit_cost = kMaxUnitPrice + 1;
    why = refusal([&] { book.receive(at_noon(), a); });
    BOOST_TEST(says(why, "1000000.00 yuan"));
    BOOST_CHECK_THROW(book.count(at_noon(), 1, 1, kHuge, std::nullopt), InvalidInput);
    BOOST_CHECK_THROW(book.count(at_noon(), 1, 1, -1, std::nullopt), InvalidInput);
    BOOST_TEST(book.pending().empty());
    // At the limits it is accepted: 10^7 units at 10^6 yuan is 10^15 fen, far from overflow.
    a.unit_cost = kMaxUnitPrice;
    book.receive(at_noon(), a);
    BOOST_TEST(book.balance(1, 1).on_hand == kMaxQty);
    BOOST_TEST(book.cost(1).value == kMaxQty * kMaxUnitPrice);
}

BOOST_AUTO_TEST_CASE(a_balance_that_would_overflow_is_refused_and_nothing_changes) {
    EmptyShop shop;
    shop.on_hand.on_hand = kHuge - 5;  // a file damaged before the limits existed
    shop.cost = CostState{kHuge - 5, 0, 0};
    StockBook book(shop);
    ReceiveArgs a{1, 1, 10, std::nullopt, std::nullopt, 0, false};
    BOOST_CHECK_THROW(book.receive(at_noon(), a), Overflow);
    BOOST_TEST(says(refusal([&] { book.receive(at_noon(), a); }), "SKU TEA-0001"));
    BOOST_TEST(book.pending().empty());
    BOOST_TEST(book.balance(1, 1).on_hand == kHuge - 5);
    CostState c{kHuge - 5, 0, 0};
    BOOST_CHECK_THROW(cost_receive(c, 10, 1), Overflow);
    BOOST_TEST(c.qty == kHuge - 5);  // left as it was
}

BOOST_AUTO_TEST_CASE(orders_no_platform_could_mean_are_refused_naming_the_field) {
    check_order_limits(plain_order());
    auto refused = [](auto change) {
        Order o = plain_order();
        change(o);
        return refusal([&] { check_order_limits(o); });
    };
    BOOST_TEST(says(refused([](Order& o) { o.lines[0].unit_price = -100; }),
                    "lines[0].unit_price must be between 0.00 and 1000000.00 yuan"));
    BOOST_TEST(says(refused([](Order& o) { o.lines[0].quantity = kHuge; }),
                    "lines[0].quantity must be between 1 and 10000000"));
    BOOST_TEST(says(refused([](Order& o) { o.paid_amount = -1; }), "paid_amount"));
    BOOST_TEST(says(refused([](Order& o) { o.paid_amount = kHuge; }), "paid_amount"));
    BOOST_TEST(says(refused([](Order& o) { o.created_at = -62'135'596'800; }),  // 0001-01-01
                    "created_at must be between 2000-01-01 and 2099-12-31"));
    BOOST_TEST(says(refused([](Order& o) { o.paid_at = 253'402'300'799; }), "paid_at"));  // 9999
    BOOST_TEST(says(refused([](Order& o) { o.platform_order_id = std::string(10'000'000, '9'); }),
                    "platform_order_id is 10000000 characters long; at most 64"));
    BOOST_TEST(says(refused([](Order& o) { o.receiver.name = "\xff\xfe"; }), "receiver.name"));
    BOOST_TEST(says(refused([](Order& o) { o.lines.clear(); }), "lines must be between 1"));
}

BOOST_AUTO_TEST_CASE(skus_beyond_the_limits_are_refused) {
    Sku s;
    s.code = "TEA-0001";
    s.name = "普洱茶";
    check_sku_limits(s);
    s.shelf_life_days = 2147483647;
    BOOST_TEST(
        says(refusal([&] { check_sku_limits(s); }), "shelf_life_days must be between 0 and 36500"));
    s.shelf_life_days = 365;
    s.standard_cost = kMaxUnitPrice + 1;
    BOOST_TEST(says(refusal([&] { check_sku_limits(s); }), "cost"));
    s.standard_cost = 0;
    s.name = "bad \xc3\x28";
    BOOST_TEST(says(refusal([&] { check_sku_limits(s); }), "name is not valid UTF-8"));
}

BOOST_AUTO_TEST_SUITE_END()
