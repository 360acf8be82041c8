// Buyers' names, phones and addresses reach only those with buyers.see, and leave the program
// only through the export, which needs buyers.export and a second check and is audited.
#include <boost/test/unit_test.hpp>

#include "core/base/error.h"
#include "ops/buyer_visibility.h"
#include "ops/import_orders.h"
#include "ops/order_export.h"
#include "ops/order_queries.h"
#include "ops/users.h"
#include "store/testing/sql_probe.h"
#include "test_clock.h"
#include "test_db.h"

using namespace dj;
using dj::test::TempDir;

namespace {

constexpr const char* kPassword = "password-of-all-1";

constexpr const char* kOrder = R"([{"store": "tb-main", "platform_order_id": "B-1",
    "status": "to_ship", "buyer_nick": "tea_lover_88",
    "receiver": {"name": "王小明", "phone": "13912345678", "province": "浙江省",
                 "city": "杭州市", "district": "西湖区", "address": "文三路 90 号 3 幢 501"},
    "created_at": "2026-11-20T10:00:00+08:00", "modified_at": "2026-11-20T10:00:00+08:00",
    "lines": [{"seller_code": "CUP-1", "quantity": 1, "unit_price": "19.90"}]}])";

struct Shop {
    TempDir dir;
    FixedClock clock{test::kNow};
    Database db{test::test_database(dir, "buyers"), clock, Database::Mode::create};
    Actor owner, manager, packer;
    Id order = 0;

    Shop() {
        test::seed_small_shop(db);
        ops::add_user(db, ops::actor_without_users("老板", "office"),
                      {"老板", "owner", {}, kPassword});
        owner = ops::log_in(db, "老板", kPassword, "office");
        ops::add_user(db, owner, {"主管", "manager", {}, kPassword});
        ops::add_user(db, owner, {"小王", "packer", {}, kPassword});
        manager = ops::log_in(db, "主管", kPassword, "office");
        packer = ops::log_in(db, "小王", kPassword, "pack-1");
        ops::import_orders(db, owner, kOrder, "orders.json");
        order = ops::list_orders(db, owner, {}).at(0).id;
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(buyers)

BOOST_AUTO_TEST_CASE(a_packer_sees_buyers_masked_everywhere_and_the_owner_in_full) {
    Shop s;
    BOOST_TEST(ops::sees_buyers(s.owner));
    BOOST_TEST(ops::sees_buyers(s.manager));
    BOOST_TEST(!ops::sees_buyers(s.packer));

    Progress progress;
    BOOST_TEST(ops::order_rows(s.db, s.owner, progress).at(0).receiver == "王小明");
    BOOST_TEST(ops::order_rows(s.db, s.packer, progress).at(0).receiver == "王**");

    OrderSummary listed = ops::list_orders(s.db, s.packer, {}).at(0);
    BOOST_TEST(listed.receiver_name == "王**");
    BOOST_TEST(listed.receiver_phone == "139****5678");
    BOOST_TEST(listed.address == "****");
    BOOST_TEST(listed.city == "杭州市");
    BOOST_TEST(ops::list_orders(s.db, s.manager, {}).at(0).address == "文三路 90 号 3 幢 501");

    Order seen = ops::find_order_by_id(s.db, s.packer, s.order).value();
    BOOST_TEST(seen.receiver.name == "王**");
    BOOST_TEST(seen.receiver.phone == "139****5678");
    BOOST_TEST(seen.receiver.address == "****");
    BOOST_TEST(seen.buyer_nick == "t**");
    BOOST_TEST(seen.receiver.district == "西湖区");
    Order full = ops::order_details(s.db, s.owner, s.order).value().order;
    BOOST_TEST(full.receiver.phone == "13912345678");
    BOOST_TEST(ops::order_details(s.db, s.packer, s.order).value().order.receiver.phone ==
               "139****5678");
    // Masking is of what is shown: the stored order keeps everything.
    BOOST_TEST(testing::SqlProbe(s.db).text("SELECT receiver_phone FROM shop_order") ==
               "13912345678");
}

BOOST_AUTO_TEST_CASE(buyer_data_leaves_only_by_the_export_with_a_second_check) {
    Shop s;
    BOOST_CHECK_THROW(ops::export_orders(s.db, s.packer, {}, "o.xlsx"), Refused);
    // A manager sees buyers but may not take them out.
    BOOST_CHECK_THROW(ops::export_orders(s.db, s.manager, {}, "o.xlsx"), Refused);
    s.clock.advance(5 * 60 + 1);
    BOOST_CHECK_THROW(ops::export_orders(s.db, s.owner, {}, "o.xlsx"), SecondCheckNeeded);
    ops::confirm_password(s.db, s.owner, kPassword);
    std::vector<OrderSummary> out = ops::export_orders(s.db, s.owner, {}, "o.xlsx");
    BOOST_TEST_REQUIRE(out.size() == 1u);
    BOOST_TEST(out[0].receiver_phone == "13912345678");
    BOOST_TEST(out[0].address == "文三路 90 号 3 幢 501");
    BOOST_TEST(out[0].buyer_nick == "tea_lover_88");
    BOOST_TEST(testing::SqlProbe(s.db).text(
                   "SELECT user || ' ' || subject || ' ' || detail FROM audit_log WHERE action = "
                   "'orders.export'") == "老板 o.xlsx 1 orders");
    // A custom role that may export but not see gets the file masked.
    ops::save_custom_role(s.db, s.owner, "exporter", "buyers.export");
    ops::add_user(s.db, s.owner, {"导出员", "exporter", {}, kPassword});
    Actor exporter = ops::log_in(s.db, "导出员", kPassword, "office");
    BOOST_TEST(ops::export_orders(s.db, exporter, {}, "m.csv").at(0).receiver_name == "王**");
}

BOOST_AUTO_TEST_SUITE_END()
