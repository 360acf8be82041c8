#include "cli/cli_support.h"
#include "store/testing/sql_probe.h"

using namespace cli_test;
using nlohmann::json;

// ---------------------------------------------------------------------------------------------
BOOST_FIXTURE_TEST_SUITE(cli_errors, ErrorShop)

BOOST_AUTO_TEST_CASE(csv_wrong_header_column) {
    refused_unchanged({"sku", "import", fixture("skus_bad_header.csv")},
                      {"skus_bad_header.csv line 1", "unknown column \"weight\""});
}

BOOST_AUTO_TEST_CASE(csv_missing_column) {
    refused_unchanged({"sku", "import", fixture("skus_bad_missing_column.csv")},
                      {"skus_bad_missing_column.csv line 1", "no column \"shelf_life_days\""});
}

BOOST_AUTO_TEST_CASE(csv_bad_weight) {
    refused_unchanged({"sku", "import", fixture("skus_bad_weight.csv")},
                      {"skus_bad_weight.csv line 3, column weight_g", "\"1.5kg\""});
}

BOOST_AUTO_TEST_CASE(csv_cost_with_three_decimals) {
    // Line 2-3 is one record with a line break inside a quoted name, so the bad cost is on line 4.
    refused_unchanged({"sku", "import", fixture("skus_bad_cost.csv")},
                      {"skus_bad_cost.csv line 4, column cost", "\"12.345\""});
}

BOOST_AUTO_TEST_CASE(csv_duplicate_code) {
    refused_unchanged({"sku", "import", fixture("skus_bad_duplicate_code.csv")},
                      {"skus_bad_duplicate_code.csv line 4, column code", "\"BAD-01\"",
                       "appears already on line 2"});
}

BOOST_AUTO_TEST_CASE(csv_duplicate_barcode) {
    refused_unchanged({"sku", "import", fixture("skus_bad_duplicate_barcode.csv")},
                      {"skus_bad_duplicate_barcode.csv line 3, column barcode", "\"6901111000009\"",
                       "appears already on line 2"});
}

BOOST_AUTO_TEST_CASE(csv_empty_name) {
    refused_unchanged({"sku", "import", fixture("skus_bad_empty_name.csv")},
                      {"skus_bad_empty_name.csv line 3, column name", "needs a name"});
}

BOOST_AUTO_TEST_CASE(csv_wrong_column_count) {
    refused_unchanged({"sku", "import", fixture("skus_bad_column_count.csv")},
                      {"skus_bad_column_count.csv line 3", "7 columns, the header has 8"});
}

BOOST_AUTO_TEST_CASE(csv_unterminated_quote) {
    refused_unchanged({"sku", "import", fixture("skus_bad_unterminated_quote.csv")},
                      {"skus_bad_unterminated_quote.csv line 3", "never closed"});
}

BOOST_AUTO_TEST_CASE(csv_barcode_of_another_sku_rolls_back_earlier_rows) {
    // NEW-01 is written before NEW-02 fails on MILK-01's barcode: the import is all or nothing.
    refused_unchanged({"sku", "import", fixture("skus_bad_barcode_taken.csv")},
                      {"skus_bad_barcode_taken.csv line 3", "6900000000001", "NEW-02", "MILK-01"});
    BOOST_TEST(sql_int(db(), "SELECT count(*) FROM sku WHERE code = 'NEW-01'") == 0);
}

BOOST_AUTO_TEST_CASE(csv_file_missing) {
    refused_unchanged({"sku", "import", fixture("no_such_file.csv")}, {"no_such_file.csv"});
}

BOOST_AUTO_TEST_CASE(json_invalid) {
    refused_unchanged({"orders", "import", fixture("orders_bad_invalid.json")},
                      {"orders_bad_invalid.json is not valid JSON", "byte"});
}

BOOST_AUTO_TEST_CASE(json_missing_lines) {
    refused_unchanged({"orders", "import", fixture("orders_bad_missing_lines.json")},
                      {"order 2 (3912345678901230002)", "field lines"});
}

BOOST_AUTO_TEST_CASE(json_non_integer_quantity) {
    refused_unchanged({"orders", "import", fixture("orders_bad_quantity.json")},
                      {"order 2 (3912345678901230002)", "field lines[1].quantity", "whole number"});
}

BOOST_AUTO_TEST_CASE(json_yuan_as_number) {
    refused_unchanged({"orders", "import", fixture("orders_bad_yuan_number.json")},
                      {"order 1 (3912345678901230001)", "field paid_amount", "as a string"});
}

BOOST_AUTO_TEST_CASE(json_unknown_store_rolls_back_earlier_orders) {
    // Order 1 is valid and accepted inside the transaction before order 2 fails.
    refused_unchanged({"orders", "import", fixture("orders_bad_unknown_store.json")},
                      {"order 2 (3912345678901230002)", "field store", "pdd-nowhere"});
    BOOST_TEST(sql_int(db(),
                       "SELECT count(*) FROM shop_order WHERE platform_order_id = "
                       "'3912345678901230001'") == 0);
}

BOOST_AUTO_TEST_CASE(json_unknown_status) {
    refused_unchanged({"orders", "import", fixture("orders_bad_unknown_status.json")},
                      {"order 2 (3912345678901230002)", "field status", "\"paid\""});
}

BOOST_AUTO_TEST_CASE(bad_stock_arguments_change_nothing) {
    refused_unchanged({"stock", "receive", "NOPE-1", "1", "-w", "CZ"},
                      {"SKU NOPE-1 does not exist"});
    refused_unchanged({"stock", "receive", "TEA-001", "1", "-w", "XX"},
                      {"Warehouse XX does not exist"});
    refused_unchanged({"stock", "receive", "TEA-001", "1", "-w", "CZ", "--cost", "12.345"},
                      {"--cost", "\"12.345\""});
    refused_unchanged({"stock", "receive", "TEA-001", "-2", "-w", "CZ"}, {"TEA-001", "-2"});
    refused_unchanged(
        {"stock", "receive", "MILK-01", "1", "-w", "CZ", "--batch", "L9", "--expiry", "2027-13-01"},
        {"--expiry"});
    // 10 on hand, 5 reserved for orders: 5 available.
    refused_unchanged({"stock", "ship", "TEA-001", "6", "-w", "CZ"},
                      {"TEA-001", "5 available, 6 needed"});
    refused_unchanged({"stock", "count", "TEA-001", "4", "-w", "CZ"}, {"TEA-001", "reserved"});
    refused_unchanged({"orders", "ship", "tb-main", kOrder2}, {kOrder2, "short"});
    refused_unchanged({"mapping", "set", "tb-main", "5012", "TEA-001:0"}, {"TEA-001:0"});
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_2) {
    auto before = dump_db(db());
    Run no_command = run({});
    BOOST_TEST(no_command.code == 2);
    BOOST_TEST(!no_command.err.empty());
    BOOST_TEST(run({"frobnicate"}).code == 2);
    BOOST_TEST(run({"stock", "receive", "TEA-001", "ten", "-w", "CZ"}).code == 2);
    BOOST_TEST(run({"stock", "receive", "TEA-001", "1"}).code == 2);
    Run help = run({"--help"});
    BOOST_TEST(help.code == 0);
    BOOST_TEST(contains(help.out, "dianjia-cli"));
    require_same_dump(before, dump_db(db()));
}

BOOST_AUTO_TEST_CASE(missing_database_is_not_created) {
    const std::string missing = (dir() / "missing.db").string();
    for (const std::vector<std::string>& cmd : {std::vector<std::string>{"stats"},
                                                {"sku", "import", fixture("skus_good.csv")},
                                                {"--json", "stock", "list"},
                                                {"orders", "import", fixture("orders_good.json")},
                                                {"warehouse", "add", "CZ", "常州仓"}}) {
        std::vector<std::string> args{"--db", missing};
        args.insert(args.end(), cmd.begin(), cmd.end());
        Run r = run_cli(args);
        BOOST_TEST_CONTEXT(r.command) {
            BOOST_TEST(r.code == 1);
            BOOST_TEST(r.out.empty());
            BOOST_TEST(contains(r.err, missing + " does not exist"), r.err);
            BOOST_TEST(contains(r.err, "init"), r.err);
            BOOST_TEST(!fs::exists(missing));
            BOOST_TEST(!fs::exists(missing + "-wal"));
            BOOST_TEST(!fs::exists(missing + "-shm"));
        }
    }
    // init in a folder that does not exist fails with the path and creates nothing either.
    const std::string nowhere = (dir() / "no-such-folder" / "shop.db").string();
    Run r = run_cli({"--db", nowhere, "init"});
    BOOST_TEST(r.code == 1);
    BOOST_TEST(contains(r.err, nowhere), r.err);
    BOOST_TEST(!fs::exists(dir() / "no-such-folder"));
}

BOOST_AUTO_TEST_CASE(newer_schema_is_refused_and_left_unchanged) {
    {
        dj::testing::SqlProbe raw(db());
        raw.exec("PRAGMA user_version = 99");
    }
    auto before = dump_db(db());
    const std::string bytes_before = read_all(db());
    BOOST_TEST(before.at("(user_version)") == "99");
    for (const std::vector<std::string>& cmd : {std::vector<std::string>{"stats"},
                                                {"init"},
                                                {"sku", "import", fixture("skus_good.csv")},
                                                {"stock", "receive", "TEA-001", "1", "-w", "CZ"},
                                                {"--json", "orders", "list"}}) {
        Run r = run(cmd);
        BOOST_TEST_CONTEXT(r.command) {
            BOOST_TEST(r.code == 1);
            BOOST_TEST(r.out.empty());
            BOOST_TEST(contains(r.err, "newer version"), r.err);
            BOOST_TEST(contains(r.err, "schema 99"), r.err);
            BOOST_TEST(contains(r.err, db()), r.err);
        }
    }
    require_same_dump(before, dump_db(db()));
    BOOST_TEST((read_all(db()) == bytes_before), "the database file changed");
}

// The refusal says "the file was not changed": even switching a rollback-journal file to WAL
// (header bytes 18-19) would break that promise.
BOOST_AUTO_TEST_CASE(newer_schema_rollback_journal_file_not_rewritten) {
    const std::string path = (dir() / "newer.db").string();
    {
        dj::testing::SqlProbe raw(path, dj::testing::SqlProbe::Open::create);
        raw.exec("CREATE TABLE future_thing (id INTEGER PRIMARY KEY, x TEXT)");
        raw.exec("INSERT INTO future_thing(x) VALUES ('未来')");
        raw.exec("PRAGMA user_version = 99");
    }
    const std::string bytes_before = read_all(path);
    Run r = run_cli({"--db", path, "stats"});
    BOOST_TEST(r.code == 1);
    BOOST_TEST(contains(r.err, "newer version"), r.err);
    BOOST_TEST(sql_int(path, "PRAGMA user_version") == 99);
    BOOST_TEST(sql_int(path, "SELECT count(*) FROM future_thing") == 1);
    // The known failure: the journal mode in the header was changed.
    BOOST_TEST((read_all(path) == bytes_before), "the database file changed");
}

BOOST_AUTO_TEST_CASE(usage_errors_speak_the_interface_language) {
    ok({"init"});
    auto zh = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"--lang", "zh_CN"});
        return fails(args, 2).err;
    };
    std::string e = zh({"po"});
    BOOST_TEST(contains(e, "请指明要运行的命令"), e);
    BOOST_TEST(contains(e, "--help"), e);
    e = zh({"po", "create"});
    BOOST_TEST(contains(e, "缺少 SUPPLIER"), e);
    e = zh({"stock", "receive", "X", "--qty", "abc"});
    BOOST_TEST(contains(e, "“abc”"), e);
    e = zh({"po", "list", "--status", "bad"});
    BOOST_TEST(contains(e, "“bad”不是"), e);
    e = zh({"supplier", "add", "S", "--lead-time", "400"});
    BOOST_TEST(contains(e, "400 超出 0 到 365"), e);
    // The same in English.
    e = fails({"po", "create"}, 2).err;
    BOOST_TEST(contains(e, "SUPPLIER is missing"), e);
}

BOOST_AUTO_TEST_SUITE_END()
