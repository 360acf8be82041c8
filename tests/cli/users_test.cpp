#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>

#include "cli/cli_support.h"

using namespace cli_test;

namespace {

constexpr const char* kOwnerPassword = "店主的密码-2026";
constexpr const char* kPackerPassword = "packer-pass-1";

// A stock shop whose people log in: the owner 老板 and the packer 小王 (CZ only). Commands run
// without --user, as the OS user's session (or none) decides; sessions live in the shop's folder.
struct PeopleShop : StockShop {
    ScopedEnv data_home{"XDG_DATA_HOME", dir().string()};

    PeopleShop() {
        ScopedEnv password("DIANJIA_PASSWORD", kOwnerPassword);
        plain({"user", "add", "老板", "--role", "owner"}, 0);
        plain({"login", "老板"}, 0);
        ScopedEnv packer("DIANJIA_NEW_PASSWORD", kPackerPassword);
        plain({"user", "add", "小王", "--role", "packer", "--warehouses", "CZ"}, 0);
    }
    // Without the fixture's --user.
    Run plain(const std::vector<std::string>& args, int code) const {
        std::vector<std::string> full{"--db", db()};
        full.insert(full.end(), args.begin(), args.end());
        Run r = run_cli(full);
        BOOST_TEST(r.code == code, r.command << " exited with " << r.code << ": " << r.err);
        return r;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(cli_users, PeopleShop)

BOOST_AUTO_TEST_CASE(the_owner_logs_in_and_a_packer_is_refused_what_is_not_theirs) {
    Run me = plain({"--json", "whoami"}, 0);
    BOOST_TEST(contains(me.out, "\"user\": \"老板\""), me.out);
    BOOST_TEST(contains(me.out, "\"role\": \"owner\""), me.out);

    Run users = plain({"--json", "user", "list"}, 0);
    BOOST_TEST(contains(users.out, "\"name\": \"小王\""), users.out);
    BOOST_TEST(contains(users.out, "\"warehouses\": \"CZ\""), users.out);

    plain({"logout"}, 0);
    Run nobody = plain({"whoami"}, 1);
    BOOST_TEST(contains(nobody.err, "dianjia-cli login NAME"), nobody.err);
    BOOST_TEST(nobody.out.empty());
    // --user logs in for one command; the password from DIANJIA_PASSWORD.
    {
        ScopedEnv password("DIANJIA_PASSWORD", kPackerPassword);
        Run report = plain({"--user", "小王", "report", "month-end", "--period", "2026-10"}, 1);
        BOOST_TEST(contains(report.err, "reports.see"), report.err);
        Run receive = plain({"--user", "小王", "stock", "receive", "TEA-001", "1", "-w", "CZ"}, 1);
        BOOST_TEST(contains(receive.err, "stock.move"), receive.err);
        Run add = plain({"--user", "小王", "user", "add", "x", "--role", "owner"}, 1);
        BOOST_TEST(contains(add.err, "users.manage"), add.err);
        plain({"--user", "小王", "whoami"}, 0);
    }
    {
        ScopedEnv password("DIANJIA_PASSWORD", "wrong-password");
        Run wrong = plain({"--user", "小王", "whoami"}, 1);
        BOOST_TEST(contains(wrong.err, "Wrong user name or password"), wrong.err);
    }
    // No password at all (no terminal here): says how to give one.
    Run none = plain({"--user", "小王", "whoami"}, 1);
    BOOST_TEST(contains(none.err, "DIANJIA_PASSWORD"), none.err);
}

BOOST_AUTO_TEST_CASE(a_session_expires_and_a_disabled_user_is_out) {
    {
        ScopedEnv password("DIANJIA_PASSWORD", kPackerPassword);
        plain({"login", "小王"}, 0);
    }
    plain({"whoami"}, 0);
    {
        ScopedNow later("2026-11-25T01:04:17+08:00");  // 12 hours and a second later
        Run expired = plain({"whoami"}, 1);
        BOOST_TEST(contains(expired.err, "log in again"), expired.err);
    }
    ScopedEnv password("DIANJIA_PASSWORD", kOwnerPassword);
    plain({"--user", "老板", "user", "disable", "小王"}, 0);
    // Their session ended with them.
    Run out = plain({"whoami"}, 1);
    BOOST_TEST(contains(out.err, "log in again"), out.err);
    Run again = plain({"--user", "小王", "whoami"}, 1);
    BOOST_TEST(contains(again.err, "disabled"), again.err);
    Run users = plain({"--user", "老板", "--json", "user", "list"}, 0);
    BOOST_TEST(contains(users.out, "\"state\": \"disabled\""), users.out);
}

BOOST_AUTO_TEST_CASE(a_sensitive_command_asks_for_the_password_again_after_five_minutes) {
    plain({"period", "close", "2026-10"}, 0);
    ScopedNow later("2026-11-24T13:10:17+08:00");  // six minutes after the login
    Run refused = plain({"period", "reopen", "2026-10", "--reason", "late invoice"}, 1);
    BOOST_TEST(contains(refused.err, "second check"), refused.err);
    BOOST_TEST(sql_int(db(), "SELECT COUNT(*) FROM period_close") == 1);
    ScopedEnv password("DIANJIA_PASSWORD", kOwnerPassword);
    plain({"period", "reopen", "2026-10", "--reason", "late invoice"}, 0);
    BOOST_TEST(sql_int(db(), "SELECT COUNT(*) FROM period_close") == 0);
    BOOST_TEST(sql_int(db(),
                       "SELECT COUNT(*) FROM audit_log WHERE action = "
                       "'user.second_check'") == 1);
}

BOOST_AUTO_TEST_CASE(passwords_change_and_the_file_is_the_os_users_only) {
    {
        ScopedEnv password("DIANJIA_NEW_PASSWORD", "a-new-password-2");
        plain({"user", "passwd", "小王"}, 0);
    }
    ScopedEnv password("DIANJIA_PASSWORD", "a-new-password-2");
    plain({"--user", "小王", "whoami"}, 0);
    struct stat st {};
    BOOST_REQUIRE(::stat(db().c_str(), &st) == 0);
    BOOST_TEST((st.st_mode & 0777) == 0600u);
    std::string session;
    for (const auto& f : fs::directory_iterator(dir() / "dianjia" / "sessions"))
        session = f.path().string();
    BOOST_REQUIRE(::stat(session.c_str(), &st) == 0);
    BOOST_TEST((st.st_mode & 0777) == 0600u);
}

// Costs and values are not the packer's: null in JSON, *** in tables, in every listing.
BOOST_AUTO_TEST_CASE(a_packer_sees_no_cost_or_value) {
    plain({"stock", "receive", "TEA-001", "5", "-w", "CZ", "--cost", "12.34"}, 0);
    Run owner = plain({"--json", "stock", "list"}, 0);
    BOOST_TEST(contains(owner.out, "\"avg_cost\": 12.34"), owner.out);
    ScopedEnv password("DIANJIA_PASSWORD", kPackerPassword);
    Run stock = plain({"--user", "小王", "--json", "stock", "list"}, 0);
    BOOST_TEST(contains(stock.out, "\"avg_cost\": null"), stock.out);
    BOOST_TEST(!contains(stock.out, "12.34"), stock.out);
    Run table = plain({"--user", "小王", "stock", "list"}, 0);
    BOOST_TEST(contains(table.out, "***"), table.out);
    BOOST_TEST(!contains(table.out, "12.34"), table.out);
    Run ledger = plain({"--user", "小王", "--json", "ledger"}, 0);
    BOOST_TEST(contains(ledger.out, "\"unit_cost\": null"), ledger.out);
    BOOST_TEST(contains(ledger.out, "\"value\": null"), ledger.out);
    BOOST_TEST(!contains(ledger.out, "12.34"), ledger.out);
    Run skus = plain({"--user", "小王", "--json", "sku", "list"}, 0);
    BOOST_TEST(contains(skus.out, "\"cost\": null"), skus.out);
}

// Buyers' names, phones and addresses are not the packer's: null in JSON, *** in tables; they
// leave the program only by `orders export`, the owner's, after a second check.
BOOST_AUTO_TEST_CASE(a_packer_sees_buyers_masked_and_only_the_owner_exports_them) {
    plain({"store", "add", "--code", "tb-main", "--name", "天猫店", "--platform", "taobao",
           "--warehouse", "CZ"},
          0);
    fs::path orders = dir() / "orders.json";
    std::ofstream(orders) << R"([{"store": "tb-main", "platform_order_id": "B-1",
        "status": "to_ship", "receiver": {"name": "王小明", "phone": "13912345678",
        "province": "浙江省", "city": "杭州市", "district": "西湖区", "address": "文三路 90 号"},
        "created_at": "2026-11-20T10:00:00+08:00", "modified_at": "2026-11-20T10:00:00+08:00",
        "lines": [{"seller_code": "TEA-001", "quantity": 1, "unit_price": "19.90"}]}])";
    plain({"orders", "import", orders.string()}, 0);
    Run owner = plain({"--json", "orders", "list"}, 0);
    BOOST_TEST(contains(owner.out, "\"receiver_name\": \"王小明\""), owner.out);
    fs::path file = dir() / "buyers.csv";
    {
        ScopedEnv password("DIANJIA_PASSWORD", kPackerPassword);
        Run json = plain({"--user", "小王", "--json", "orders", "list"}, 0);
        BOOST_TEST(contains(json.out, "\"receiver_name\": null"), json.out);
        BOOST_TEST(!contains(json.out, "王小明"), json.out);
        Run table = plain({"--user", "小王", "orders", "list"}, 0);
        BOOST_TEST(contains(table.out, "***"), table.out);
        BOOST_TEST(!contains(table.out, "王小明"), table.out);
        Run refused = plain({"--user", "小王", "orders", "export", "--out", file.string()}, 1);
        BOOST_TEST(contains(refused.err, "buyers.export"), refused.err);
    }
    ScopedNow later("2026-11-24T13:10:17+08:00");  // six minutes after the login
    Run unchecked = plain({"orders", "export", "--out", file.string()}, 1);
    BOOST_TEST(contains(unchecked.err, "second check"), unchecked.err);
    BOOST_TEST(!fs::exists(file));
    ScopedEnv password("DIANJIA_PASSWORD", kOwnerPassword);
    Run exported = plain({"orders", "export", "--out", file.string()}, 0);
    BOOST_TEST(contains(exported.out, "1 orders written"), exported.out);
    std::stringstream csv;
    csv << std::ifstream(file).rdbuf();
    BOOST_TEST(contains(csv.str(), "13912345678"), csv.str());
    BOOST_TEST(contains(csv.str(), "文三路 90 号"), csv.str());
    BOOST_TEST(sql_int(db(),
                       "SELECT COUNT(*) FROM audit_log WHERE action = 'orders.export' AND "
                       "user = '老板'") == 1);
}

// The share of on hand a count may change before it asks for the password again.
BOOST_AUTO_TEST_CASE(the_owner_sets_the_count_share) {
    Run shown = plain({"shop", "count-check"}, 0);
    BOOST_TEST(contains(shown.out, "more than 20 %"), shown.out);
    Run set = plain({"shop", "count-check", "50"}, 0);
    BOOST_TEST(contains(set.out, "more than 50 %"), set.out);
    plain({"shop", "count-check", "5000"}, 1);
    ScopedEnv password("DIANJIA_PASSWORD", kPackerPassword);
    Run refused = plain({"--user", "小王", "shop", "count-check", "10"}, 1);
    BOOST_TEST(contains(refused.err, "users.manage"), refused.err);
    BOOST_TEST(sql_int(db(), "SELECT value FROM shop_setting WHERE key = 'count_check_percent'") ==
               50);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(cli_shop_key, PeopleShop)

// A shared shop's second workstation has no key to its secrets until an owner logs in there.
BOOST_AUTO_TEST_CASE(an_owner_brings_the_key_to_a_new_workstation) {
    plain({"store", "add", "--code", "jd-1", "--name", "京东店", "--platform", "jd", "--app-key",
           "K1", "--app-secret", "S3CRET-for-jd", "--endpoint", "http://127.0.0.1:1/routerjson"},
          0);
    plain({"role", "add", "shopkeeper", "--permissions", "stores.manage"}, 0);
    {
        // An owner's password typed where the key is seals the owner's copy of it.
        ScopedEnv owner("DIANJIA_PASSWORD", kOwnerPassword);
        plain({"--user", "老板", "whoami"}, 0);
        BOOST_TEST(sql_int(db(), "SELECT COUNT(*) FROM shop_key_copy") == 1);
        ScopedEnv password("DIANJIA_NEW_PASSWORD", kPackerPassword);
        plain({"user", "add", "店员", "--role", "shopkeeper"}, 0);
    }
    ScopedEnv elsewhere("XDG_DATA_HOME", (dir() / "second-workstation").string());
    {
        ScopedEnv password("DIANJIA_PASSWORD", kPackerPassword);
        Run locked = plain({"--user", "店员", "store", "test", "jd-1"}, 1);
        BOOST_TEST(contains(locked.err, "an owner logs in here once"), locked.err);
    }
    {
        ScopedEnv password("DIANJIA_PASSWORD", kOwnerPassword);
        plain({"--user", "老板", "whoami"}, 0);
    }
    ScopedEnv password("DIANJIA_PASSWORD", kPackerPassword);
    Run reached = plain({"--user", "店员", "store", "test", "jd-1"}, 1);
    BOOST_TEST(!contains(reached.err, "key"), reached.err);
}

// A key no workstation and no owner can bring (the owner's copy is made only when a password is
// typed where the key is) is reset by the owner: the secrets are cleared and entered again.
BOOST_AUTO_TEST_CASE(an_owner_resets_a_key_nobody_can_bring) {
    plain({"store", "add", "--code", "jd-1", "--name", "京东店", "--platform", "jd", "--app-key",
           "K1", "--app-secret", "S3CRET-for-jd", "--endpoint", "http://127.0.0.1:1/routerjson"},
          0);
    BOOST_TEST(sql_int(db(), "SELECT COUNT(*) FROM shop_key_copy") == 0);
    Run here = plain({"shop", "reset-key"}, 1);
    BOOST_TEST(contains(here.err, "nothing to reset"), here.err);
    ScopedEnv elsewhere("XDG_DATA_HOME", (dir() / "new-computer").string());
    ScopedEnv password("DIANJIA_PASSWORD", kOwnerPassword);
    Run locked = plain({"--user", "老板", "store", "test", "jd-1"}, 1);
    BOOST_TEST(contains(locked.err, "shop reset-key"), locked.err);
    Run reset = plain({"--user", "老板", "shop", "reset-key"}, 0);
    BOOST_TEST(contains(reset.out, "1 secrets cleared"), reset.out);
    BOOST_TEST(sql_int(db(), "SELECT COUNT(*) FROM store_connection WHERE app_secret <> ''") == 0);
    plain({"--user", "老板", "store", "add", "--code", "jd-1", "--name", "京东店", "--platform",
           "jd", "--app-key", "K1", "--app-secret", "NEW-secret-jd", "--endpoint",
           "http://127.0.0.1:1/routerjson"},
          0);
    Run reached = plain({"--user", "老板", "store", "test", "jd-1"}, 1);
    BOOST_TEST(!contains(reached.err, "key"), reached.err);
    BOOST_TEST(sql_int(db(), "SELECT COUNT(*) FROM audit_log WHERE action = 'shop.reset_key'") ==
               1);
}

BOOST_AUTO_TEST_SUITE_END()
