#include <boost/test/unit_test.hpp>

#include "core/base/error.h"
#include "core/orders/parcel_merge.h"
#include "interchange/rule_json.h"
#include "ops/order_decisions.h"
#include "ops/order_intake.h"
#include "ops/order_rules.h"
#include "ops/ship_order.h"
#include "ops/waves.h"
#include "ops/waybills.h"
#include "store/fulfilment/outbox_repository.h"
#include "store/fulfilment/pack_service.h"
#include "store/fulfilment/parcel_document_queries.h"
#include "store/fulfilment/wave_service.h"
#include "store/orders/order_merge.h"
#include "store/orders/order_repository.h"
#include "store/orders/order_review.h"
#include "store/orders/rule_repository.h"
#include "store/testing/sql_probe.h"
#include "wave_shop.h"

using namespace dj;

namespace {

MergeCandidate candidate(Id id, const std::string& key) {
    MergeCandidate c;
    c.order_id = id;
    c.order_no = "O" + std::to_string(id);
    c.store_id = 1;
    c.receiver_key = key;
    c.allocation = Allocation::allocated;
    c.warehouse_id = 1;
    return c;
}

struct Fixture : test::WaveShop {
    Receiver home{"张**", "138****5678", "江苏省", "常州市", "武进区", "湖塘镇***"};

    // An order to `to` of `cups` CUP-1 and `teas` TEA-1 with a waybill unless `tracking` is
    // empty; placed `minutes` after the first.
    Id place(const std::string& id, Qty cups, Qty teas, const Receiver& to,
             const std::string& tracking = {}, int minutes = 0) {
        Order o;
        o.store_id = 1;
        o.platform_order_id = id;
        o.status = OrderStatus::to_ship;
        o.buyer_nick = "nick-" + id;
        o.receiver = to;
        o.created_at = now - 3600 + minutes * 60;
        o.paid_at = o.created_at;
        o.modified_at = o.created_at;
        o.paid_amount = cups * 1990 + teas * 9900;
        if (cups > 0) o.lines.push_back({0, "5012", "CUP-1", "陶瓷杯", cups, 1990});
        if (teas > 0) o.lines.push_back({0, "5013", "TEA-1", "西湖龙井", teas, 9900});
        StockPosting p(db);
        Id order_id = ops::OrderIntake(p, Actor{"tester", "owner", "test"}).take(o).stored.id;
        p.commit();
        if (!tracking.empty())
            ops::assign_waybill(db, test::test_actor(), order_id, "ZTO", tracking);
        return order_id;
    }
    MergedParcel merge(const std::vector<Id>& ids) {
        WriteTransaction tx(db);
        MergedParcel p = OrderMerger(db, test::test_actor()).merge(ids, now);
        tx.commit();
        return p;
    }
    std::vector<std::string> unmerge(Id id) {
        WriteTransaction tx(db);
        auto out = OrderMerger(db, test::test_actor()).unmerge(id);
        tx.commit();
        return out;
    }
    std::string status(Id id) {
        return testing::SqlProbe(db).text("SELECT status FROM shop_order WHERE id = " +
                                          std::to_string(id));
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(parcel_merge)

BOOST_AUTO_TEST_CASE(receiver_key_ignores_blanks_but_not_the_door) {
    Receiver a{"张**", "138****5678", "江苏省", "常州市", "武进区", "湖塘镇 1号"};
    Receiver b{"张**", " 138****5678", "江苏省", "常州市", "武进区", "湖塘镇\u30001号"};
    BOOST_TEST(receiver_key(a) == receiver_key(b));
    Receiver c = a;
    c.address = "湖塘镇 2号";
    BOOST_TEST(receiver_key(a) != receiver_key(c));
    Receiver d = a;
    d.phone = "139****5678";
    BOOST_TEST(receiver_key(a) != receiver_key(d));
    BOOST_TEST(receiver_key(Receiver{}).empty());
}

BOOST_AUTO_TEST_CASE(the_platform_key_decides_when_both_orders_carry_one) {
    MergeCandidate a = candidate(1, "k1"), b = candidate(2, "k2");
    BOOST_TEST(!same_destination(a, b));
    a.platform_merge_key = b.platform_merge_key = "M-77";
    BOOST_TEST(same_destination(a, b));
    b.platform_merge_key = "M-78";
    b.receiver_key = "k1";
    BOOST_TEST(!same_destination(a, b));
    b.store_id = 2;
    b.platform_merge_key = "M-77";
    BOOST_TEST(!same_destination(a, b));
    BOOST_TEST(!same_destination(candidate(1, ""), candidate(2, "")));
}

BOOST_AUTO_TEST_CASE(head_and_refusals) {
    std::vector<MergeCandidate> two{candidate(1, "k"), candidate(2, "k")};
    BOOST_TEST(choose_parcel_head(two) == 0u);
    two[1].has_waybill = true;
    BOOST_TEST(choose_parcel_head(two) == 1u);
    two[0].parcel_id = 1;
    BOOST_TEST(choose_parcel_head(two) == 0u);  // an existing parcel keeps its head

    auto refused = [](std::vector<MergeCandidate> orders, const std::string& words) {
        try {
            choose_parcel_head(orders);
        } catch (const InvalidInput& e) {
            return std::string(e.what()).find(words) != std::string::npos;
        }
        return false;
    };
    BOOST_TEST(refused({candidate(1, "k")}, "at least two"));
    BOOST_TEST(refused({candidate(1, "k"), candidate(1, "k")}, "named twice"));
    BOOST_TEST(refused({candidate(1, "k"), candidate(2, "other")}, "different receivers"));
    auto other_store = candidate(2, "k");
    other_store.store_id = 2;
    BOOST_TEST(refused({candidate(1, "k"), other_store}, "different stores"));
    auto elsewhere = candidate(2, "k");
    elsewhere.warehouse_id = 2;
    BOOST_TEST(refused({candidate(1, "k"), elsewhere}, "another warehouse"));
    auto packed = candidate(2, "k");
    packed.packed = true;
    BOOST_TEST(refused({candidate(1, "k"), packed}, "O2 is packed"));
    auto waved = candidate(2, "k");
    waved.in_open_wave = true;
    BOOST_TEST(refused({candidate(1, "k"), waved}, "open wave"));
    auto cancelled = candidate(2, "k");
    cancelled.status = OrderStatus::cancelled;
    BOOST_TEST(refused({candidate(1, "k"), cancelled}, "cancelled"));
    auto member = candidate(2, "k");
    member.parcel_id = 9;
    BOOST_TEST(refused({candidate(1, "k"), member}, "another parcel"));
    // A short order (not allocated anywhere yet) may join: the parcel waits for it.
    auto short_stock = candidate(2, "k");
    short_stock.allocation = Allocation::short_stock;
    short_stock.warehouse_id = 2;
    BOOST_TEST(choose_parcel_head({candidate(1, "k"), short_stock}) == 0u);
}

BOOST_AUTO_TEST_CASE(groups_leave_out_single_orders_blocked_ones_and_whole_parcels) {
    std::vector<MergeCandidate> all{candidate(1, "a"), candidate(2, "b"), candidate(3, "a"),
                                    candidate(4, "b"), candidate(5, "c"), candidate(6, "d"),
                                    candidate(7, "d")};
    all[3].packed = true;
    all[5].parcel_id = 6;
    all[6].parcel_id = 6;
    auto groups = mergeable_groups(all);
    BOOST_TEST_REQUIRE(groups.size() == 1u);
    BOOST_TEST((groups[0] == std::vector<Id>{1, 3}));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(merges, Fixture)

BOOST_AUTO_TEST_CASE(a_parcel_is_waved_picked_labelled_packed_and_shipped_as_one) {
    Id a = place("M1", 1, 0, home, "75310000000100");
    Id b = place("M2", 0, 2, home, "75310000000200", 5);
    Id alone = place("M3", 1, 0, Receiver{"李**", "139****0001", "江苏省", "常州市", "", "***"},
                     "75310000000300");
    BOOST_TEST_REQUIRE(OrderMerger(db, test::test_actor()).mergeable().size() == 1u);

    MergedParcel parcel = merge({b, a});
    BOOST_TEST(parcel.head_id == b);  // the first named order with a waybill
    BOOST_TEST((parcel.order_nos == std::vector<std::string>{"M2", "M1"}));
    BOOST_TEST((parcel.released_waybills == std::vector<std::string>{"ZTO 75310000000100"}));
    BOOST_TEST((parcel_orders(db, a) == std::vector<Id>{b, a}));
    BOOST_TEST(find_waybill(db, a)->tracking_no == "75310000000200");
    BOOST_TEST(OrderMerger(db, test::test_actor()).mergeable().empty());
    auto listed = OrderRepository(db).list({});
    auto row = [&](const std::string& no) {
        return *std::find_if(listed.begin(), listed.end(),
                             [&](const OrderSummary& o) { return o.platform_order_id == no; });
    };
    BOOST_TEST(row("M1").parcel == "M2");
    BOOST_TEST(row("M2").parcel.empty());

    // One slot for the parcel, with every item of both orders (M3, a single item, goes to a
    // single-item wave).
    WaveService waves(db);
    auto created = ops::create_waves(db, test::test_actor(), {});
    BOOST_TEST_REQUIRE(created.size() == 2u);
    const WaveInfo& wave = created[0].single_item ? created[1] : created[0];
    BOOST_TEST(wave.orders == 1);
    BOOST_TEST(wave.units == 3);
    auto slots = waves.wave_slots(wave.number);
    BOOST_TEST_REQUIRE(slots.size() == 1u);
    auto slot = slots.begin();
    BOOST_TEST(slot->order_id == b);
    BOOST_TEST(slot->units == 3);
    PickSheet sheet = waves.pick_list(wave.number);
    Qty picked_for_parcel = 0;
    for (const PickStop& stop : sheet.stops)
        for (const SlotQty& s : stop.slots)
            if (s.slot == slot->slot) picked_for_parcel += s.qty;
    BOOST_TEST(picked_for_parcel == 3);

    LabelData label = order_label_data(db, a, now);
    BOOST_TEST(label.order_no == "M2 +1");
    BOOST_TEST(label.tracking_no == "75310000000200");
    BOOST_TEST(label.items == "CUP-1 x1; TEA-1 x2");  // in the order they were bought
    PackingList list = packing_list_data(db, a, now);
    BOOST_TEST(list.order_no == "M2, M1");
    BOOST_TEST(list.paid_amount == 1990 + 2 * 9900);
    BOOST_TEST(list.lines.size() == 2u);

    // Scanning either order opens the parcel; a hold on any of its orders stops the packer.
    PackSession first(db, test::test_actor(), "M1");
    BOOST_TEST(first.order_id() == b);
    BOOST_TEST(first.check().expected_units() == 3);
    BOOST_TEST((first.scan("TEA-1", now) == ScanOutcome::counted));
    ops::hold_order(db, test::test_actor(), a, "买家改地址");
    BOOST_TEST((first.scan("TEA-1", now) == ScanOutcome::blocked));
    BOOST_TEST(first.blocked_reason().find("M1") != std::string::npos);
    ops::release_order(db, test::test_actor(), a);

    // Shipping before packing is refused for the whole parcel.
    BOOST_CHECK_THROW(ops::ship_order(db, test::test_actor(),
                                      {ops::find_order(db, "M1"), "ZTO", "75310000000200", false}),
                      StockRuleViolation);
    PackSession second(db, test::test_actor(), "75310000000200");
    BOOST_TEST((second.scan("TEA-1", now) == ScanOutcome::counted));
    BOOST_TEST((second.scan("TEA-1", now) == ScanOutcome::counted));
    BOOST_TEST((second.scan("CUP-1", now) == ScanOutcome::completed));
    BOOST_TEST(order_packed(db, a));
    BOOST_TEST(order_packed(db, b));
    BOOST_CHECK_THROW(unmerge(a), InvalidInput);  // packed: it ships as one parcel

    ops::ship_order(db, test::test_actor(),
                    {ops::find_order(db, "M2"), "ZTO", "75310000000200", false});
    BOOST_TEST(status(a) == "shipped");
    BOOST_TEST(status(b) == "shipped");
    BOOST_TEST(status(alone) == "to_ship");
    auto sent = OutboxRepository(db).list(true, 10);
    BOOST_TEST_REQUIRE(sent.size() == 2u);
    for (const OutboxEntry& e : sent)
        BOOST_TEST(e.tracking_no == "75310000000200");
    BOOST_TEST(((sent[0].subject == "M1" && sent[1].subject == "M2") ||
                (sent[0].subject == "M2" && sent[1].subject == "M1")));
}

BOOST_AUTO_TEST_CASE(unmerge_until_packed_and_what_cannot_merge) {
    Id a = place("U1", 1, 0, home);
    Id b = place("U2", 1, 0, home);
    Id c = place("U3", 0, 1, home);
    Id other = place("U4", 1, 0, Receiver{"王**", "137****0000", "浙江省", "杭州市", "", "***"});
    BOOST_CHECK_THROW(merge({a, other}), InvalidInput);
    BOOST_CHECK_THROW(unmerge(a), InvalidInput);  // not merged
    merge({a, b, c});
    BOOST_TEST(parcel_orders(db, c).size() == 3u);

    // A member leaves on its own; named by its head, the parcel dissolves.
    BOOST_TEST((unmerge(b) == std::vector<std::string>{"U2"}));
    BOOST_TEST((parcel_orders(db, a) == std::vector<Id>{a, c}));
    WaveService waves(db);
    auto created = ops::create_waves(db, test::test_actor(),
                                     {});  // the two-SKU parcel apart from single items
    BOOST_TEST_REQUIRE(created.size() == 2u);
    BOOST_TEST(created[0].orders + created[1].orders == 3);  // parcel U1+U3, U2, U4
    // In an open wave nothing joins any more, but the parcel may still come apart.
    BOOST_CHECK_THROW(merge({a, b}), InvalidInput);
    BOOST_TEST((unmerge(a) == std::vector<std::string>{"U1", "U3"}));
    BOOST_TEST(parcel_orders(db, c).size() == 1u);
    BOOST_TEST(ops::create_waves(db, test::test_actor(), {}).front().orders ==
               1);  // U3 is waved on its own
}

BOOST_AUTO_TEST_CASE(a_held_or_short_member_keeps_the_parcel_out_of_waves) {
    Id a = place("H1", 1, 0, home);
    Id b = place("H2", 0, 30, home);  // more tea than the shelves hold
    BOOST_TEST(testing::SqlProbe(db).text("SELECT allocation FROM shop_order WHERE id = " +
                                          std::to_string(b)) == "short");
    merge({a, b});
    WaveService waves(db);
    BOOST_TEST(ops::create_waves(db, test::test_actor(), {}).empty());
    unmerge(b);
    ops::hold_order(db, test::test_actor(), a, "核对");
    BOOST_TEST(ops::create_waves(db, test::test_actor(), {}).empty());
}

BOOST_AUTO_TEST_CASE(the_merge_rule_joins_new_orders_and_a_changed_address_leaves) {
    ops::import_rules(db, test::test_actor(),
                      parse_rules_json(R"([{"name": "merge-same-receiver",
        "when": [], "then": [{"action": "merge"}]}])",
                                       "test"));
    Id a = place("R1", 1, 0, home);
    Id b = place("R2", 0, 1, home, {}, 10);
    Id c =
        place("R3", 1, 0, Receiver{"李**", "139****0001", "江苏省", "常州市", "", "***"}, {}, 20);
    BOOST_TEST((parcel_orders(db, b) == std::vector<Id>{a, b}));
    BOOST_TEST(parcel_orders(db, c).size() == 1u);
    bool logged = false;
    for (const RuleLogEntry& e : order_rule_log(db, b))
        logged = logged || (e.rule == "merge-same-receiver" && e.action == "merge");
    BOOST_TEST(logged);

    // The buyer changes the address of R2 on the platform: it ships on its own again.
    Order moved = *OrderRepository(db).find(b);
    moved.receiver.address = "新地址***";
    moved.modified_at += 600;
    StockPosting p(db);
    ops::OrderIntake(p, Actor{"tester", "owner", "test"}).take(moved).stored;
    p.commit();
    BOOST_TEST(parcel_orders(db, a).size() == 1u);
    BOOST_TEST(parcel_orders(db, b).size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
