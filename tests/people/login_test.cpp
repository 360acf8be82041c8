#include <boost/test/unit_test.hpp>

#include "core/base/error.h"
#include "core/base/money.h"
#include "core/people/login_guard.h"
#include "ops/access.h"
#include "ops/catalogue.h"
#include "ops/periods.h"
#include "ops/shop_setup.h"
#include "ops/stock_moves.h"
#include "ops/stock_queries.h"
#include "ops/users.h"
#include "store/base/audit_log.h"
#include "store/testing/sql_probe.h"
#include "test_clock.h"
#include "test_db.h"

using namespace dj;
using dj::test::TempDir;

namespace {

constexpr const char* kOwnerPassword = "店主的密码-2026";
constexpr const char* kPackerPassword = "packer-pass-1";

struct People {
    TempDir dir;
    FixedClock clock{test::kNow};
    Database db{test::test_database(dir, "people"), clock, Database::Mode::create};
    Actor owner;

    People() {
        test::seed_small_shop(db);
        ops::add_user(db, ops::actor_without_users("老板", "office"),
                      {"老板", "owner", {}, kOwnerPassword});
        owner = ops::log_in(db, "老板", kOwnerPassword, "office");
        ops::add_user(db, owner, {"小王", "packer", {"CZ"}, kPackerPassword});
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(login)

BOOST_AUTO_TEST_CASE(the_first_user_is_the_owner_and_later_ones_need_the_owner) {
    TempDir dir;
    Database db(test::test_database(dir, "first"), test::fixed_clock(), Database::Mode::create);
    Actor anyone = ops::actor_without_users("someone", "office");
    BOOST_TEST(!ops::shop_has_users(db));
    BOOST_CHECK_THROW(ops::add_user(db, anyone, {"小王", "packer", {}, kPackerPassword}),
                      InvalidInput);
    ops::add_user(db, anyone, {"老板", "owner", {}, kOwnerPassword});
    BOOST_TEST(ops::shop_has_users(db));
    // Nobody logged in (a front end's actor without users) may add more now.
    BOOST_CHECK_THROW(ops::add_user(db, anyone, {"小李", "owner", {}, kPackerPassword}),
                      NotLoggedIn);
    Actor packer{"小王", "packer", "office"};
    BOOST_CHECK_THROW(ops::add_user(db, packer, {"小李", "owner", {}, kPackerPassword}), Refused);
    // Passwords are kept as argon2id hashes only.
    std::string stored = testing::SqlProbe(db).text("SELECT password_hash FROM app_user");
    BOOST_TEST(stored.rfind("$argon2id$", 0) == 0u, stored);
    BOOST_TEST(stored.find(kOwnerPassword) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_login_gives_the_role_and_warehouses_of_the_user) {
    People p;
    Actor packer = ops::log_in(p.db, "小王", kPackerPassword, "pack-1");
    BOOST_TEST(packer.user == "小王");
    BOOST_TEST(packer.role == "packer");
    BOOST_TEST(packer.workstation == "pack-1");
    BOOST_TEST(packer.may(Permission::Fulfil));
    BOOST_TEST(!packer.may(Permission::SeeCosts));
    BOOST_TEST((packer.warehouses == std::vector<std::string>{"CZ"}));
    BOOST_CHECK_THROW(ops::log_in(p.db, "小王", "wrong-password", "pack-1"), NotLoggedIn);
    BOOST_CHECK_THROW(ops::log_in(p.db, "nobody", kPackerPassword, "pack-1"), NotLoggedIn);
}

BOOST_AUTO_TEST_CASE(five_wrong_passwords_lock_the_user_for_growing_delays) {
    People p;
    for (int i = 1; i <= 4; ++i)
        BOOST_CHECK_THROW(ops::log_in(p.db, "小王", "wrong-password", "pack-1"), NotLoggedIn);
    // Four wrong ones lock nothing yet.
    BOOST_CHECK_NO_THROW(ops::log_in(p.db, "小王", kPackerPassword, "pack-1"));
    for (int i = 1; i <= 5; ++i)
        BOOST_CHECK_THROW(ops::log_in(p.db, "小王", "wrong-password", "pack-1"), NotLoggedIn);
    // Locked: even the right password is refused, with how long to wait.
    try {
        ops::log_in(p.db, "小王", kPackerPassword, "pack-1");
        BOOST_FAIL("a locked user logged in");
    } catch (const NotLoggedIn& e) {
        BOOST_TEST(std::string(e.what()).find("30 seconds") != std::string::npos, e.what());
    }
    p.clock.advance(31);
    // The sixth wrong one locks for twice as long.
    BOOST_CHECK_THROW(ops::log_in(p.db, "小王", "wrong-password", "pack-1"), NotLoggedIn);
    BOOST_TEST(testing::SqlProbe(p.db).integer(
                   "SELECT locked_until FROM app_user WHERE name = '小王'") == p.clock.now() + 60);
    p.clock.advance(59);
    BOOST_CHECK_THROW(ops::log_in(p.db, "小王", kPackerPassword, "pack-1"), NotLoggedIn);
    p.clock.advance(2);
    BOOST_CHECK_NO_THROW(ops::log_in(p.db, "小王", kPackerPassword, "pack-1"));
    BOOST_TEST(
        testing::SqlProbe(p.db).integer("SELECT failures FROM app_user WHERE name = '小王'") == 0);
    BOOST_TEST(testing::SqlProbe(p.db).integer("SELECT COUNT(*) FROM audit_log WHERE action = "
                                               "'user.login_failed' AND subject = '小王'") == 10);
    BOOST_TEST(login_guard::lock_seconds(4) == 0);
    BOOST_TEST(login_guard::lock_seconds(5) == 30);
    BOOST_TEST(login_guard::lock_seconds(7) == 120);
    BOOST_TEST(login_guard::lock_seconds(60) == 24 * 60 * 60);
}

BOOST_AUTO_TEST_CASE(the_second_check_holds_five_minutes) {
    People p;
    // Logging in with the password counts as the check.
    BOOST_CHECK_NO_THROW(ops::require_second_check(p.db, p.owner, "test"));
    p.clock.advance(5 * 60);
    BOOST_CHECK_NO_THROW(ops::require_second_check(p.db, p.owner, "test"));
    p.clock.advance(1);
    BOOST_CHECK_THROW(ops::require_second_check(p.db, p.owner, "test"), SecondCheckNeeded);
    BOOST_CHECK_THROW(ops::reopen_period(p.db, p.owner, "2026-10", "a late invoice"),
                      SecondCheckNeeded);
    BOOST_CHECK_THROW(ops::confirm_password(p.db, p.owner, "not-the-password"), NotLoggedIn);
    BOOST_CHECK_THROW(ops::require_second_check(p.db, p.owner, "test"), SecondCheckNeeded);
    ops::confirm_password(p.db, p.owner, kOwnerPassword);
    BOOST_CHECK_NO_THROW(ops::require_second_check(p.db, p.owner, "test"));
    // On one workstation only.
    Actor elsewhere = p.owner;
    elsewhere.workstation = "warehouse-pc";
    BOOST_CHECK_THROW(ops::require_second_check(p.db, elsewhere, "test"), SecondCheckNeeded);
    p.clock.advance(5 * 60 + 1);
    BOOST_CHECK_THROW(ops::require_second_check(p.db, p.owner, "test"), SecondCheckNeeded);
}

BOOST_AUTO_TEST_CASE(a_badge_and_its_pin_switch_user_but_are_no_second_check) {
    People p;
    ops::set_badge(p.db, p.owner, "小王", "BADGE-0007", "4321");
    Actor packer = ops::log_in_with_badge(p.db, "BADGE-0007", "4321", "pack-1");
    BOOST_TEST(packer.user == "小王");
    BOOST_TEST(packer.role == "packer");
    BOOST_CHECK_THROW(ops::log_in_with_badge(p.db, "BADGE-0007", "0000", "pack-1"), NotLoggedIn);
    BOOST_CHECK_THROW(ops::log_in_with_badge(p.db, "BADGE-9999", "4321", "pack-1"), NotLoggedIn);
    BOOST_CHECK_THROW(ops::require_second_check(p.db, packer, "test"), SecondCheckNeeded);
    BOOST_CHECK_THROW(ops::set_badge(p.db, p.owner, "老板", "BADGE-0007", "1234"), InvalidInput);
    BOOST_CHECK_THROW(ops::set_badge(p.db, p.owner, "小王", "BADGE-0008", "12"), InvalidInput);
}

BOOST_AUTO_TEST_CASE(sessions_expire_and_end_with_the_user) {
    People p;
    Actor packer = ops::log_in(p.db, "小王", kPackerPassword, "pack-1");
    std::string token = ops::open_session(p.db, packer);
    BOOST_TEST(testing::SqlProbe(p.db).integer(
                   "SELECT COUNT(*) FROM user_token WHERE token_hash = '" + token + "'") == 0);
    BOOST_TEST(ops::token_actor(p.db, token, "pack-1").user == "小王");
    p.clock.advance(login_guard::kSessionSeconds);
    BOOST_CHECK_THROW(ops::token_actor(p.db, token, "pack-1"), NotLoggedIn);

    std::string fresh = ops::open_session(p.db, ops::log_in(p.db, "小王", kPackerPassword, "x"));
    Actor owner = ops::log_in(p.db, "老板", kOwnerPassword, "office");
    ops::disable_user(p.db, owner, "小王");
    BOOST_CHECK_THROW(ops::token_actor(p.db, fresh, "pack-1"), NotLoggedIn);
    BOOST_CHECK_THROW(ops::log_in(p.db, "小王", kPackerPassword, "pack-1"), NotLoggedIn);
    // The last owner stays.
    BOOST_CHECK_THROW(ops::disable_user(p.db, owner, "老板"), InvalidInput);
}

// A count asks for the password again only past the shop's share of on hand, which the owner
// sets (20 % until then).
BOOST_AUTO_TEST_CASE(a_count_past_the_set_share_asks_for_a_second_check) {
    People p;
    ops::StockMove receipt;
    receipt.kind = ops::StockMoveKind::receive;
    receipt.sku = "TEA-1";
    receipt.qty = 100;
    receipt.warehouse = "CZ";
    receipt.batch = "LOT-1";
    receipt.expiry = "2027-06-30";
    ops::move_stock(p.db, p.owner, receipt);
    p.clock.advance(5 * 60 + 1);  // the login's check is over
    ops::StockMove count;
    count.kind = ops::StockMoveKind::count;
    count.sku = "TEA-1";
    count.warehouse = "CZ";
    count.qty = 70;  // 30 % off
    BOOST_TEST(ops::count_check_percent(p.db) == 20);
    BOOST_CHECK_THROW(ops::move_stock(p.db, p.owner, count), SecondCheckNeeded);
    BOOST_CHECK_THROW(ops::set_count_check_percent(p.db, p.owner, 50), SecondCheckNeeded);
    ops::confirm_password(p.db, p.owner, kOwnerPassword);
    BOOST_CHECK_THROW(ops::set_count_check_percent(p.db, p.owner, 1001), InvalidInput);
    BOOST_CHECK_THROW(ops::set_count_check_percent(p.db, p.owner, -1), InvalidInput);
    Actor packer = ops::log_in(p.db, "小王", kPackerPassword, "pack-1");
    BOOST_CHECK_THROW(ops::set_count_check_percent(p.db, packer, 50), Refused);
    ops::set_count_check_percent(p.db, p.owner, 50);
    BOOST_TEST(ops::count_check_percent(p.db) == 50);
    BOOST_TEST(testing::SqlProbe(p.db).text(
                   "SELECT detail FROM audit_log WHERE action = 'shop.count_check'") ==
               "20 % → 50 %");
    p.clock.advance(5 * 60 + 1);
    BOOST_CHECK_NO_THROW(ops::move_stock(p.db, p.owner, count));  // 30 % is under 50 %
    count.qty = 20;                                               // 71 % off
    BOOST_CHECK_THROW(ops::move_stock(p.db, p.owner, count), SecondCheckNeeded);
}

// Edits are recorded as old → new, so the audit screen shows what a value was.
BOOST_AUTO_TEST_CASE(edits_are_audited_old_to_new) {
    People p;
    ops::set_shop_name(p.db, p.owner, "山间茶铺");
    ops::set_shop_name(p.db, p.owner, "山间茶铺旗舰店");
    Sku tea;
    for (const Sku& s : ops::list_skus(p.db, p.owner))
        if (s.code == "TEA-1") tea = s;
    Fen old_cost = tea.standard_cost;
    std::string old_name = tea.name;
    tea.name = "明前龙井";
    tea.standard_cost = old_cost + 150;
    ops::save_sku(p.db, p.owner, tea, std::nullopt);
    testing::SqlProbe probe(p.db);
    BOOST_TEST(probe.text("SELECT detail FROM audit_log WHERE action = 'shop.name' ORDER BY id "
                          "DESC LIMIT 1") == "山间茶铺 → 山间茶铺旗舰店");
    BOOST_TEST(probe.text("SELECT detail FROM audit_log WHERE action = 'sku.edit'") ==
               "name: " + old_name + " → 明前龙井; cost: " + format_yuan(old_cost) + " → " +
                   format_yuan(old_cost + 150));
}

BOOST_AUTO_TEST_CASE(the_audit_log_is_append_only) {
    People p;
    BOOST_TEST(testing::SqlProbe(p.db).integer(
                   "SELECT COUNT(*) FROM audit_log WHERE action = 'user.add'") == 2);
    BOOST_CHECK_THROW(testing::SqlProbe(p.db).exec("UPDATE audit_log SET user = 'x'"),
                      std::exception);
    BOOST_CHECK_THROW(testing::SqlProbe(p.db).exec("DELETE FROM audit_log"), std::exception);
}

BOOST_AUTO_TEST_SUITE_END()
