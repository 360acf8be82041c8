#include "cli/cli_support.h"
#include "store/base/migrations.h"

using namespace cli_test;
using nlohmann::json;

// ---------------------------------------------------------------------------------------------
BOOST_FIXTURE_TEST_SUITE(cli_catalogue, Shop)

BOOST_AUTO_TEST_CASE(init_creates_the_latest_schema_and_is_repeatable) {
    const std::string latest = std::to_string(dj::schema_migrations().back().version);
    BOOST_TEST(!fs::exists(db()));
    Run r = ok({"init"});
    BOOST_TEST(contains(r.out, "Database ready: " + db() + " (schema " + latest + ")"), r.out);
    BOOST_TEST(fs::exists(db()));
    BOOST_TEST(sql_int(db(), "PRAGMA user_version") == std::stoi(latest));
    BOOST_TEST(sql_text(db(), "PRAGMA journal_mode") == "wal");
    r = ok({"init"});
    BOOST_TEST(contains(r.out, "(schema " + latest + ")"));
    BOOST_TEST(sql_int(db(), "SELECT count(*) FROM audit_log WHERE action = 'db.init'") == 2);
    BOOST_TEST(sql_text(db(), "SELECT user FROM audit_log ORDER BY id LIMIT 1") == kUser);
    BOOST_TEST(list({"sku", "list"}).empty());
}

BOOST_AUTO_TEST_CASE(sku_import_lists_exact_fields) {
    ok({"init"});
    Run r = ok({"sku", "import", fixture("skus_good.csv")});
    BOOST_TEST(
        contains(r.out, "Imported 3 SKUs from " + fixture("skus_good.csv") + " (read as UTF-8)"),
        r.out);

    Run listed = ok_json({"sku", "list"});
    json skus = parse_json(listed);
    BOOST_TEST_REQUIRE(skus.size() == 3u);
    // Ordered by code; every column with its exact value.
    json expected = json::parse(R"([
      {"code": "CUP-01", "name": "青花瓷茶杯", "barcode": "", "spec": "单只", "unit": "个",
       "weight_g": 150, "cost": 8.0, "shelf_life_days": 0},
      {"code": "MILK-01", "name": "纯牛奶, 全脂", "barcode": "6900000000001", "spec": "1L",
       "unit": "盒", "weight_g": 1050, "cost": 3.2, "shelf_life_days": 30},
      {"code": "TEA-001", "name": "西湖龙井 明前特级", "barcode": "6901234567890|6901234567891",
       "spec": "250g/罐", "unit": "罐", "weight_g": 300, "cost": 12.5, "shelf_life_days": 0}
    ])");
    for (std::size_t i = 0; i < 3; ++i) {
        BOOST_TEST_CONTEXT("row " << i) {
            for (const auto& [key, value] : expected[i].items())
                BOOST_TEST(skus[i].at(key) == value, key << ": " << skus[i].at(key).dump());
            BOOST_TEST(skus[i].size() == expected[i].size());
        }
    }
    // Money is printed in yuan with exactly two decimals.
    BOOST_TEST(line_has(listed.out, {"\"code\": \"CUP-01\"", "\"cost\": 8.00,"}));
    BOOST_TEST(line_has(listed.out, {"\"code\": \"MILK-01\"", "\"cost\": 3.20,"}));
    BOOST_TEST(line_has(listed.out, {"\"code\": \"TEA-001\"", "\"cost\": 12.50,"}));
    // Stored in fen.
    BOOST_TEST(sql_int(db(), "SELECT standard_cost_fen FROM sku WHERE code = 'TEA-001'") == 1250);
    BOOST_TEST(sql_int(db(), "SELECT count(*) FROM sku_barcode") == 3);

    // The table view shows the same names.
    Run table = ok({"sku", "list"});
    BOOST_TEST(line_has(table.out,
                        {"TEA-001", "西湖龙井 明前特级", "6901234567890|6901234567891", "12.50"}));
    BOOST_TEST(line_has(table.out, {"MILK-01", "纯牛奶, 全脂", "3.20"}));
    BOOST_TEST(sql_int(db(), "SELECT count(*) FROM audit_log WHERE action = 'sku.import'") == 1);
}

BOOST_AUTO_TEST_CASE(sku_reimport_updates_in_place) {
    ok({"init"});
    ok({"sku", "import", fixture("skus_good.csv")});
    json first = list({"sku", "list"});
    long long tea_id = sql_int(db(), "SELECT id FROM sku WHERE code = 'TEA-001'");

    // The same file again: nothing duplicated, nothing changed.
    Run again = ok({"sku", "import", fixture("skus_good.csv")});
    BOOST_TEST(contains(again.out, "Imported 3 SKUs"));
    BOOST_TEST(list({"sku", "list"}) == first);
    BOOST_TEST(sql_int(db(), "SELECT count(*) FROM sku") == 3);
    BOOST_TEST(sql_int(db(), "SELECT count(*) FROM sku_barcode") == 3);

    // An update of TEA-001 plus one new SKU.
    ok({"sku", "import", fixture("skus_update.csv")});
    Run listed = ok_json({"sku", "list"});
    json skus = parse_json(listed);
    BOOST_TEST_REQUIRE(skus.size() == 4u);
    std::vector<std::string> codes;
    for (const json& s : skus)
        codes.push_back(str(s, "code"));
    BOOST_TEST(codes == (std::vector<std::string>{"CUP-01", "MILK-01", "NUT-01", "TEA-001"}),
               boost::test_tools::per_element());
    json tea = row_where(skus, {{"code", "TEA-001"}});
    BOOST_TEST(str(tea, "name") == "西湖龙井 雨前一级");
    BOOST_TEST(str(tea, "barcode") == "6901234567890");
    BOOST_TEST(str(tea, "spec") == "500g/罐");
    BOOST_TEST(num(tea, "weight_g") == 560);
    BOOST_TEST(line_has(listed.out, {"\"code\": \"TEA-001\"", "\"cost\": 13.80,"}));
    BOOST_TEST(sql_int(db(), "SELECT id FROM sku WHERE code = 'TEA-001'") == tea_id);
    // The barcode the update dropped is gone; MILK-01 (not in the file) is untouched.
    BOOST_TEST(sql_int(db(), "SELECT count(*) FROM sku_barcode WHERE barcode = '6901234567891'") ==
               0);
    BOOST_TEST(row_where(skus, {{"code", "MILK-01"}}) == row_where(first, {{"code", "MILK-01"}}));
    json nut = row_where(skus, {{"code", "NUT-01"}});
    BOOST_TEST(str(nut, "name") == "临安山核桃");
    BOOST_TEST(num(nut, "shelf_life_days") == 180);
    BOOST_TEST(line_has(listed.out, {"\"code\": \"NUT-01\"", "\"cost\": 25.00,"}));
    BOOST_TEST(stats().at("skus") == 4);
}

BOOST_AUTO_TEST_CASE(barcode_moves_between_skus_in_either_row_order) {
    ok({"init"});
    ok({"sku", "import", fixture("skus_good.csv")});
    const std::string header = "code,name,barcode,spec,unit,weight_g,cost,shelf_life_days\n";
    const std::string cup = "CUP-01,青花瓷茶杯,6901234567891,单只,个,180,8.00,0\n";
    const std::string tea = "TEA-001,西湖龙井 明前特级,6901234567890,250g,罐,300,88.50,540\n";
    for (const std::string& rows : {cup + tea, tea + cup}) {
        write_all(dir() / "move.csv", header + rows);
        ok({"sku", "import", (dir() / "move.csv").string()});
        BOOST_TEST(sql_text(db(),
                            "SELECT k.code FROM sku_barcode b JOIN sku k ON k.id = b.sku_id "
                            "WHERE barcode = '6901234567891'") == "CUP-01");
        // Move it back for the other row order.
        write_all(dir() / "back.csv", header + "CUP-01,青花瓷茶杯,,单只,个,180,8.00,0\n" +
                                          "TEA-001,西湖龙井 明前特级,6901234567890|6901234567891,"
                                          "250g,罐,300,88.50,540\n");
        ok({"sku", "import", (dir() / "back.csv").string()});
    }
}

BOOST_AUTO_TEST_CASE(sku_import_accepts_excel_bom_and_crlf) {
    ok({"init"});
    fs::path csv = dir() / "excel.csv";
    write_all(csv,
              "\xEF\xBB\xBF"
              "code,name,barcode,spec,unit,weight_g,cost,shelf_life_days\r\n"
              "GIFT-01,\"礼盒 \"\"中秋\"\"\",6905555000001,,盒,800,99.90,365\r\n"
              "\r\n"
              "GIFT-02,\"两行\r\n名字\",,,,0,,\r\n");
    Run r = ok({"sku", "import", csv.string()});
    BOOST_TEST(contains(r.out, "(read as UTF-8 (BOM))"), r.out);
    json skus = list({"sku", "list"});
    BOOST_TEST_REQUIRE(skus.size() == 2u);
    BOOST_TEST(str(skus[0], "code") == "GIFT-01");
    BOOST_TEST(str(skus[0], "name") == "礼盒 \"中秋\"");
    BOOST_TEST(num(skus[0], "shelf_life_days") == 365);
    BOOST_TEST(str(skus[1], "code") == "GIFT-02");
    BOOST_TEST(str(skus[1], "name") == "两行\r\n名字");
    BOOST_TEST(num(skus[1], "weight_g") == 0);
    BOOST_TEST(num(skus[1], "shelf_life_days") == 0);
    BOOST_TEST(sql_int(db(), "SELECT standard_cost_fen FROM sku WHERE code = 'GIFT-01'") == 9990);
}

BOOST_AUTO_TEST_CASE(sku_import_reads_gbk_and_gb18030_and_refuses_other_bytes) {
    ok({"init"});
    // Excel on Chinese Windows saves "CSV" as GBK.
    Run gbk = ok({"sku", "import", fixture("skus_gbk.csv")});
    BOOST_TEST(contains(gbk.out, "Imported 2 SKUs"), gbk.out);
    BOOST_TEST(contains(gbk.out, "(read as GB18030)"), gbk.out);
    // Characters only GB18030 has (four-byte sequences: 㐀, 𠀀).
    Run gb18030 = ok({"sku", "import", fixture("skus_gb18030.csv")});
    BOOST_TEST(contains(gb18030.out, "(read as GB18030)"), gb18030.out);
    json skus = list({"sku", "list"});
    BOOST_TEST(str(row_where(skus, {{"code", "GBK-TEA"}}), "name") == "西湖龙井 明前特级");
    BOOST_TEST(str(row_where(skus, {{"code", "GBK-CUP"}}), "spec") == "单只");
    BOOST_TEST(str(row_where(skus, {{"code", "GB-TEA"}}), "name") == "㐀山𠀀茶 特级");
    BOOST_TEST(str(row_where(skus, {{"code", "GB-TEA"}}), "unit") == "袋");
    // Neither: refused, naming the line, nothing kept.
    auto before = dump_db(db());
    Run bad = fails({"sku", "import", fixture("skus_bad_encoding.csv")});
    BOOST_TEST(contains(bad.err, "skus_bad_encoding.csv line 3"), bad.err);
    BOOST_TEST(contains(bad.err, "neither UTF-8 nor GB18030"), bad.err);
    require_same_dump(before, dump_db(db()));
}

BOOST_AUTO_TEST_CASE(warehouses_locations_and_stores) {
    ok({"init"});
    Run added = ok({"warehouse", "add", "CZ", "常州仓"});
    BOOST_TEST(contains(added.out, "Warehouse CZ added"));
    ok({"warehouse", "add", "SH", "上海仓", "--allow-negative"});
    Run dup = fails({"warehouse", "add", "CZ", "别的仓"});
    BOOST_TEST(contains(dup.err, "Warehouse CZ exists already"), dup.err);

    json warehouses = list({"warehouse", "list"});
    BOOST_TEST(warehouses == json::parse(R"([
        {"code": "CZ", "name": "常州仓", "allow_negative": 0},
        {"code": "SH", "name": "上海仓", "allow_negative": 1}])"),
               warehouses.dump());

    ok({"location", "add", "CZ", "A-01-02", "--walk", "20"});
    ok({"location", "add", "CZ", "A-01-01", "--walk", "10"});
    Run loc = ok({"location", "add", "CZ", "B-02-01", "--walk", "5", "--zone", "冷藏"});
    BOOST_TEST(contains(loc.out, "Location B-02-01 added to CZ"));
    fails({"location", "add", "CZ", "A-01-01", "--walk", "1"});
    Run no_wh = fails({"location", "add", "XX", "A-01-01"});
    BOOST_TEST(contains(no_wh.err, "Warehouse XX does not exist"), no_wh.err);

    // Listed in picking-walk order; the zone defaults to the code's first part. Each warehouse
    // starts with its receiving location.
    json locations = list({"location", "list", "CZ"});
    BOOST_TEST(locations == json::parse(R"([
        {"code": "收货区", "zone": "收货区", "walk": 0},
        {"code": "B-02-01", "zone": "冷藏", "walk": 5},
        {"code": "A-01-01", "zone": "A", "walk": 10},
        {"code": "A-01-02", "zone": "A", "walk": 20}])"),
               locations.dump());
    BOOST_TEST(list({"location", "list", "SH"}).size() == 1u);

    Run st = ok({"store", "add", "--code", "tb-main", "--name", "天猫旗舰店", "--platform",
                 "taobao", "--warehouse", "CZ"});
    BOOST_TEST(contains(st.out, "Store tb-main (天猫旗舰店) saved"), st.out);
    ok({"store", "add", "--code", "pdd-1", "--name", "拼多多店", "--platform", "pinduoduo"});
    fails({"store", "add", "--code", "x-1", "--name", "某店", "--platform", "amazon"});
    fails({"store", "add", "--code", "x-2", "--name", "某店", "--platform", "jd", "--warehouse",
           "NOPE"});
    // Saving an existing code updates it.
    ok({"store", "add", "--code", "pdd-1", "--name", "拼多多专营店", "--platform", "pinduoduo",
        "--warehouse", "SH"});
    // Without --code a store is numbered after its platform.
    Run auto_code = ok({"store", "add", "--name", "抖音小店", "--platform", "douyin"});
    BOOST_TEST(contains(auto_code.out, "douyin-1"), auto_code.out);
    json stores = list({"store", "list"});
    BOOST_TEST(stores == json::parse(R"([
        {"code": "tb-main", "name": "天猫旗舰店", "platform": "taobao", "warehouse": "CZ",
         "connected": 0, "endpoint": null, "synced_to": null, "sync_error": null,
         "split": "hold"},
        {"code": "pdd-1", "name": "拼多多专营店", "platform": "pinduoduo", "warehouse": "SH",
         "connected": 0, "endpoint": null, "synced_to": null, "sync_error": null,
         "split": "hold"},
        {"code": "douyin-1", "name": "抖音小店", "platform": "douyin", "warehouse": null,
         "connected": 0, "endpoint": null, "synced_to": null, "sync_error": null,
         "split": "hold"}])"),
               stores.dump());
    BOOST_TEST(sql_int(db(), "SELECT default_warehouse_id FROM shop_store WHERE code = 'pdd-1'") ==
               sql_int(db(), "SELECT id FROM warehouse WHERE code = 'SH'"));
}

BOOST_AUTO_TEST_CASE(stats_counts_every_record_kind) {
    ok({"init"});
    ok({"sku", "import", fixture("skus_good.csv")});
    ok({"warehouse", "add", "CZ", "常州仓"});
    ok({"location", "add", "CZ", "A-01-01", "--walk", "1"});
    ok({"store", "add", "--code", "tb-main", "--name", "天猫旗舰店", "--platform", "taobao"});
    ok({"supplier", "add", "SUP-1", "杭州茶厂", "--lead-time", "5"});
    ok({"stock", "receive", "MILK-01", "3", "-w", "CZ", "--batch", "L1", "--expiry", "2027-01-31"});
    json rows = list({"stats"});
    std::vector<std::string> names;
    std::vector<long long> counts;
    for (const json& r : rows) {
        names.push_back(str(r, "what"));
        counts.push_back(num(r, "count"));
    }
    BOOST_TEST(names == (std::vector<std::string>{"skus", "suppliers", "stores", "warehouses",
                                                  "locations", "batches", "movements", "orders",
                                                  "order_lines", "open_orders", "audit_entries"}),
               boost::test_tools::per_element());
    // audit: init, sku.import, warehouse.add, location.add, store.save, supplier.save
    BOOST_TEST(counts == (std::vector<long long>{3, 1, 1, 1, 2, 1, 1, 0, 0, 0, 6}),
               boost::test_tools::per_element());
    Run table = ok({"stats"});
    BOOST_TEST(line_has(table.out, {"skus", "3"}));
}

BOOST_AUTO_TEST_CASE(sku_add_changes_one_sku_and_check_reads_a_file_without_importing) {
    ok({"init"});
    ok({"supplier", "add", "SUP1", "青山茶业"});
    ok({"sku", "add", "CUP-9", "马克杯", "--barcode", "6902000000001", "--barcode", "6902000000002",
        "--cost", "9.90", "--supplier", "SUP1"});
    BOOST_TEST(sql_int(db(), "SELECT standard_cost_fen FROM sku WHERE code = 'CUP-9'") == 990);
    BOOST_TEST(sql_int(db(), "SELECT count(*) FROM sku_barcode") == 2);
    // Changed without --supplier: the supplier stays; the barcodes are the ones given.
    ok({"sku", "add", "CUP-9", "马克杯 白", "--barcode", "6902000000003"});
    BOOST_TEST(sql_text(db(),
                        "SELECT p.code FROM sku s JOIN supplier p ON p.id = s.supplier_id "
                        "WHERE s.code = 'CUP-9'") == "SUP1");
    BOOST_TEST(sql_text(db(), "SELECT group_concat(barcode) FROM sku_barcode") == "6902000000003");
    fails({"sku", "add", "CUP 9", "空格"});
    fails({"sku", "add", "CUP-8", "马克杯", "--barcode", "6902000000003"});  // CUP-9's
    fails({"sku", "add", "CUP-8", "马克杯", "--supplier", "NOPE"});
    BOOST_TEST(sql_int(db(), "SELECT count(*) FROM audit_log WHERE action = 'sku.edit'") == 1);

    // The listings that sell it, a bundle among them.
    ok({"sku", "add", "LID-1", "杯盖"});
    ok({"store", "add", "--code", "tb", "--name", "淘宝店", "--platform", "taobao"});
    ok({"mapping", "set", "tb", "9100000001", "CUP-9:2"});
    ok({"mapping", "set", "tb", "9100000002", "CUP-9:1", "LID-1:1"});
    json listed = list({"mapping", "list", "CUP-9"});
    BOOST_TEST_REQUIRE(listed.size() == 2u);
    BOOST_TEST(listed[0].at("components") == "CUP-9×2");
    BOOST_TEST(listed[0].at("bundle") == false);
    BOOST_TEST(listed[1].at("platform_sku") == "9100000002");
    BOOST_TEST(listed[1].at("bundle") == true);
    BOOST_TEST(list({"mapping", "list", "LID-1"}).size() == 1u);
    fails({"mapping", "list", "NOPE"});

    Run good = ok({"sku", "check", fixture("skus_good.csv")});
    BOOST_TEST(contains(good.out, "3 rows good (3 new), 0 with problems"), good.out);
    Run bad = fails({"sku", "check", fixture("skus_bad_weight.csv")});
    BOOST_TEST(contains(bad.err, "column weight_g"), bad.err);
    BOOST_TEST(contains(bad.err, "1 rows good (1 new), 1 with problems"), bad.err);
    BOOST_TEST(sql_int(db(), "SELECT count(*) FROM sku") == 2);  // nothing imported
}

BOOST_AUTO_TEST_SUITE_END()
