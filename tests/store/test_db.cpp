#include "test_db.h"

#include <cstdlib>
#include <functional>
#include <stdexcept>
#include <vector>

#ifdef DJ_HAVE_POSTGRES
#include "store/base/postgres_connection.h"
#endif
#include "store/stock/catalogue_repository.h"
#include "store/stock/warehouse_repository.h"
#include "store/testing/sql_probe.h"

namespace dj::test {

bool on_postgres() {
    const char* url = std::getenv("DJ_TEST_POSTGRES");
    return url && *url;
}

std::string test_database(const TempDir& dir, const std::string& name) {
    return test_database_at(dir.file(name));
}

std::string test_database_at(const std::string& file) {
    if (!on_postgres()) return file;
#ifndef DJ_HAVE_POSTGRES
    throw std::runtime_error("DJ_TEST_POSTGRES is set, but this build has no PostgreSQL");
#else
    const std::string base = std::getenv("DJ_TEST_POSTGRES");
    const std::string schema = "t" + std::to_string(std::hash<std::string>{}(file));
    sql::open_postgres(base)->exec("CREATE SCHEMA IF NOT EXISTS " + schema);
    return base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
           schema;
#endif
}

void seed_small_shop(Database& db) {
    WriteTransaction tx(db);
    WarehouseRepository w(db);
    Id cz = w.add_warehouse({0, "CZ", "常州仓", false});
    w.add_warehouse({0, "GZ", "广州仓", true});
    w.add_location({0, cz, "A-01-01", "", 10});
    w.add_location({0, cz, "B-01-01", "", 20});
    CatalogueRepository c(db);
    Sku tea;
    tea.code = "TEA-1";
    tea.name = "西湖龙井";
    tea.barcodes = {"6901234567892"};
    tea.shelf_life_days = 365;
    tea.standard_cost = 2000;
    c.save_sku(tea);
    Sku cup;
    cup.code = "CUP-1";
    cup.name = "陶瓷杯";
    cup.standard_cost = 800;
    c.save_sku(cup);
    ShopStore store;
    store.code = "tb-main";
    store.name = "店家旗舰店";
    store.platform = Platform::taobao;
    store.default_warehouse_id = cz;
    c.save_store(store);
    tx.commit();
}

std::string dump_content(Database& db) {
    std::vector<std::string> tables;
    for (const testing::SqlRow& t : testing::SqlProbe(db).rows(
             on_postgres() ? "SELECT table_name FROM information_schema.tables WHERE "
                             "table_schema = current_schema() AND table_name <> "
                             "'dj_schema_version' ORDER BY table_name"
                           : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                             "LIKE 'sqlite_%' ORDER BY name"))
        tables.push_back(t[0].str());
    std::string out;
    for (const std::string& table : tables) {
        out += "## " + table + "\n";
        for (const testing::SqlRow& s :
             testing::SqlProbe(db).rows("SELECT * FROM \"" + table + "\" ORDER BY 1, 2")) {
            for (std::size_t c = 0; c < s.size(); ++c) {
                out += s[c].str();
                out += '|';
            }
            out += '\n';
        }
    }
    out += "user_version=" + std::to_string(db.schema_version()) + "\n";
    return out;
}

}  // namespace dj::test
