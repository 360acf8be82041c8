// Secrets at rest: what a store, a robot and a mail channel are given is sealed with the shop's
// key, which the OS keeps; the database file, its WAL and the log hold none of it in clear.
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/base/log.h"
#include "ops/alert_queries.h"
#include "ops/alerts.h"
#include "ops/shop_queries.h"
#include "ops/shop_setup.h"
#include "ops/users.h"
#include "store/base/shop_key.h"
#include "store/orders/store_connection_repository.h"
#include "store/testing/sql_probe.h"
#include "test_clock.h"
#include "test_db.h"

using namespace dj;
using dj::test::TempDir;

namespace {

const std::string kAppSecret = "APPSECRET-7f3a9c1e55d2";
const std::string kToken = "SESSIONTOKEN-61b0e2aa90";
const std::string kRobotKey = "ROBOTKEY-0d1c4e8f2b7a";
const std::string kDingSecret = "SECdingtalk8e7f6a5b4c3d";
const std::string kMailPassword = "MAILPASS-qq-auth-3c2b";

std::string bytes_of(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

NotifyChannel channel(NotifyChannelKind kind, const std::string& name, const std::string& url,
                      const std::string& secret) {
    NotifyChannel c;
    c.kind = kind;
    c.name = name;
    c.url = url;
    c.secret = secret;
    return c;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(secrets)

BOOST_AUTO_TEST_CASE(no_secret_in_the_file_its_wal_or_the_log,
                     *boost::unit_test::precondition(test::file_only)) {
    TempDir dir;
    std::string logged;
    set_log_sink([&](LogLevel, const std::string& m) { logged += m + "\n"; });
    {
        Database db(dir.file("shop.db"), test::fixed_clock(), Database::Mode::create);
        test::seed_small_shop(db);
        Actor owner = test::test_actor();
        ops::StoreRequest store;
        store.code = "jd-1";
        store.name = "京东店";
        store.platform = Platform::jd;
        StoreConnection c;
        c.app_key = "public-app-key";
        c.app_secret = kAppSecret;
        c.token = kToken;
        store.connection = c;
        ops::save_store(db, owner, store);
        ops::add_notify_channel(
            db, owner,
            channel(NotifyChannelKind::wecom, "企业微信群",
                    "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + kRobotKey, ""));
        ops::add_notify_channel(
            db, owner,
            channel(NotifyChannelKind::dingtalk, "钉钉群",
                    "https://oapi.dingtalk.com/robot/send?access_token=" + kRobotKey + "2",
                    kDingSecret));
        ops::add_notify_channel(db, owner,
                                channel(NotifyChannelKind::smtp, "邮件",
                                        "smtps://smtp.qq.com:465?user=shop@qq.com&from=shop@qq."
                                        "com&to=boss@qq.com",
                                        kMailPassword));
        // They read back as given.
        std::optional<StoreConnection> read = ops::store_connection(db, owner, "jd-1");
        BOOST_REQUIRE(read);
        BOOST_TEST(read->app_secret == kAppSecret);
        BOOST_TEST(read->token == kToken);
        int robots = 0;
        for (const NotifyChannel& n : ops::list_notify_channels(db)) {
            if (n.secret == kDingSecret || n.secret == kMailPassword) ++robots;
            if (n.url.find(kRobotKey) != std::string::npos) ++robots;
        }
        BOOST_TEST(robots == 4);

        // While the shop is open its newest pages are in the WAL: both files are searched.
        std::string bytes = bytes_of(dir.file("shop.db")) + bytes_of(dir.file("shop.db-wal"));
        BOOST_TEST(bytes.find("public-app-key") != std::string::npos,
                   "the search would not find what is there");
        for (const std::string& secret :
             {kAppSecret, kToken, kRobotKey, kDingSecret, kMailPassword})
            BOOST_TEST(bytes.find(secret) == std::string::npos, "the shop holds " << secret);
        struct stat st {};
        BOOST_REQUIRE(::stat(dir.file("shop.db").c_str(), &st) == 0);
        BOOST_TEST((st.st_mode & 0777) == 0600u);
    }
    set_log_sink(nullptr);
    for (const std::string& secret : {kAppSecret, kToken, kRobotKey, kDingSecret, kMailPassword})
        BOOST_TEST(logged.find(secret) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(secrets_kept_in_clear_before_are_sealed) {
    TempDir dir;
    Database db(test::test_database(dir, "plain"), test::fixed_clock(), Database::Mode::create);
    test::seed_small_shop(db);
    testing::SqlProbe probe(db);
    Id store = probe.integer("SELECT id FROM shop_store WHERE code = 'tb-main'");
    probe.exec(
        "INSERT INTO store_connection(store_id, app_key, app_secret, token) VALUES (?, 'k', ?, ?)",
        {store, kAppSecret, kToken});
    BOOST_TEST(seal_plain_secrets(db) == 2);
    BOOST_TEST(probe.text("SELECT app_secret FROM store_connection").rfind("dj1:", 0) == 0u);
    BOOST_TEST(probe.text("SELECT token FROM store_connection").find(kToken) == std::string::npos);
    BOOST_TEST(ops::store_connection(db, test::test_actor(), "tb-main")->app_secret == kAppSecret);
    BOOST_TEST(seal_plain_secrets(db) == 0);
    // A sealed value moved to another column does not open.
    probe.exec("UPDATE store_connection SET token = app_secret");
    BOOST_CHECK_THROW(ops::store_connection(db, test::test_actor(), "tb-main"), StorageError);
}

BOOST_AUTO_TEST_SUITE_END()
