// What a person sees: the PDF rendered to pixels and read back as text, the XLSX unzipped, the
// CSV's bytes, and dianjia-cli's --json.
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "report_shop.h"
#include "reports/csv_writer.h"
#include "reports/pdf_table_writer.h"
#include "reports/stock_report_document.h"
#include "reports/xlsx_writer.h"
#include "store/periods/period_repository.h"
#include "store/periods/stock_report_query.h"
#include "test_clock.h"

using namespace dj;

namespace {

std::string run(const std::string& command) {
    std::string out;
    FILE* p = popen((command + " 2>/dev/null").c_str(), "r");
    BOOST_REQUIRE(p);
    char buf[4096];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;)
        out.append(buf, n);
    pclose(p);
    return out;
}

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Renders every page to 8-bit gray (pdftoppm -gray, 60 dpi) and counts dark pixels per page:
// text is black, rules (75 % gray) and shading (85 %) are lighter than the 160 threshold, so
// dark pixels are glyph ink.
std::vector<long> ink_per_page(const std::string& pdf, const std::string& prefix) {
    run("pdftoppm -gray -r 60 '" + pdf + "' '" + prefix + "'");
    std::vector<long> ink;
    for (int page = 1;; ++page) {
        std::string name;
        for (const char* fmt : {"%s-%d.pgm", "%s-%02d.pgm", "%s-%03d.pgm"}) {
            char buf[512];
            std::snprintf(buf, sizeof buf, fmt, prefix.c_str(), page);
            if (std::ifstream(buf).good()) name = buf;
        }
        if (name.empty()) break;
        std::string data = read_all(name);
        std::istringstream head(data);
        std::string magic;
        int w = 0, h = 0, max = 0;
        head >> magic >> w >> h >> max;
        std::size_t offset = static_cast<std::size_t>(head.tellg()) + 1;
        long dark = 0;
        for (std::size_t i = offset; i < data.size(); ++i)
            if (static_cast<unsigned char>(data[i]) < 160) ++dark;
        ink.push_back(dark);
    }
    return ink;
}

struct Files {
    test::TempDir dir;
    Database db{test::test_database(dir, "shop.db"), test::fixed_clock()};
    reports::ReportDocument month_end;
    Files() {
        test::build_report_shop(db);
        reports::ReportMeta meta{"店家测试店", test::shop_at("2026-11-02 09:30:00"), {}};
        month_end = reports::month_end_document(stock_report(db, month_period("2026-09", "p")),
                                                report_names(db), meta);
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(report_output, Files)

BOOST_AUTO_TEST_CASE(pdf_pages_have_ink_chinese_glyphs_render_and_text_reads_back) {
    std::string pdf = dir.file("m.pdf");
    reports::write_report(month_end, pdf);
    std::vector<long> ink = ink_per_page(pdf, dir.file("m"));
    BOOST_REQUIRE(!ink.empty());
    for (long dark : ink)
        BOOST_TEST(dark > 2000);

    std::string text = run("pdftotext -layout '" + pdf + "' -");
    for (const char* want :
         {"Month-end stock report", "店家测试店", "2026-09", "陶瓷杯", "西湖龙井", "常州仓",
          "CUP-1", "64.91", "Page 1 of 1", "Rounding", "Shop total"})
        BOOST_TEST(text.find(want) != std::string::npos, "PDF text lacks " << want);

    // Only Chinese on the page: the ink must come from CJK glyphs (wqy-microhei would leave
    // these blank while pdftotext still reads them).
    reports::PdfTableWriter only_chinese({"月末库存报表", {"常州仓"}},
                                         {{"商品名称", 80, false}, {"仓库", 60, false}});
    reports::PdfTableWriter blank({"", {""}}, {{"", 80, false}, {"", 60, false}});
    for (int i = 0; i < 10; ++i) {
        only_chinese.row({"西湖龙井茶叶礼盒", "广州仓库"});
        blank.row({"", ""});
    }
    only_chinese.save(dir.file("zh.pdf"));
    blank.save(dir.file("blank.pdf"));
    std::vector<long> zh = ink_per_page(dir.file("zh.pdf"), dir.file("zh"));
    std::vector<long> none = ink_per_page(dir.file("blank.pdf"), dir.file("blank"));
    BOOST_REQUIRE_EQUAL(zh.size(), 1u);
    BOOST_REQUIRE_EQUAL(none.size(), 1u);
    BOOST_TEST_MESSAGE("ink: Chinese page " << zh[0] << ", empty table " << none[0]);
    BOOST_TEST(zh[0] > none[0] + 800);
}

BOOST_AUTO_TEST_CASE(pdf_repeats_the_header_and_numbers_every_page) {
    reports::PdfTableWriter pdf({"拣货单 pick sheet", {"wave 1"}},
                                {{"Location", 30, false}, {"Qty", 20, true}});
    for (int i = 0; i < 120; ++i)
        pdf.row({"A-01-" + std::to_string(i), std::to_string(i)});
    pdf.save(dir.file("long.pdf"));
    BOOST_TEST(pdf.pages() == 4);
    std::string text = run("pdftotext '" + dir.file("long.pdf") + "' -");
    std::size_t headers = 0;
    for (std::size_t at = 0; (at = text.find("Location", at)) != std::string::npos; ++at)
        ++headers;
    BOOST_TEST(headers == 4u);
    BOOST_TEST(text.find("Page 4 of 4") != std::string::npos);
    reports::PdfTableWriter narrow({"t", {}}, {{"名称", 15, false}});
    narrow.row({"西湖龙井明前特级茶叶礼盒装二百五十克"});
    narrow.save(dir.file("narrow.pdf"));
    std::string cut = run("pdftotext '" + dir.file("narrow.pdf") + "' -");
    BOOST_TEST(cut.find("西湖") != std::string::npos);
    BOOST_TEST(cut.find("…") != std::string::npos);
    BOOST_TEST(cut.find("二百五十克") == std::string::npos);
    BOOST_CHECK_THROW(reports::PdfTableWriter({"x", {}}, {{"a", 10, false}}, "/no/such/font.ttc"),
                      reports::OutputError);
}

BOOST_AUTO_TEST_CASE(xlsx_reads_back_with_numbers_frozen_header_filter_and_totals) {
    std::string xlsx = dir.file("m.xlsx");
    reports::write_report(month_end, xlsx);
    std::string workbook = run("unzip -p '" + xlsx + "' xl/workbook.xml");
    BOOST_TEST(workbook.find("name=\"Summary\"") != std::string::npos);
    BOOST_TEST(workbook.find("name=\"CZ\"") != std::string::npos);
    BOOST_TEST(workbook.find("name=\"GZ\"") != std::string::npos);
    BOOST_TEST(workbook.find("name=\"IN-TRANSIT\"") != std::string::npos);
    std::string strings = run("unzip -p '" + xlsx + "' xl/sharedStrings.xml");
    BOOST_TEST(strings.find("陶瓷杯") != std::string::npos);
    std::string cz = run("unzip -p '" + xlsx + "' xl/worksheets/sheet2.xml");
    BOOST_TEST(cz.find("ySplit=\"1\"") != std::string::npos);
    BOOST_TEST(cz.find("<autoFilter") != std::string::npos);
    // CUP-1 closing value 64.91 is a number cell, and the totals row sums with SUBTOTAL.
    BOOST_TEST(cz.find("<v>64.91</v>") != std::string::npos);
    BOOST_TEST(cz.find("SUBTOTAL(9,") != std::string::npos);
    BOOST_TEST(reports::xlsx_sheet_name("a/b:c*d?e[f]g\\h") == "a_b_c_d_e_f_g_h");
}

BOOST_AUTO_TEST_CASE(csv_has_a_bom_and_one_line_per_row) {
    std::string csv = dir.file("m.csv");
    reports::write_report(month_end, csv);
    std::string data = read_all(csv);
    BOOST_REQUIRE(data.size() > 3);
    BOOST_TEST(data.substr(0, 3) == "\xEF\xBB\xBF");
    BOOST_TEST(data.find("SKU,Name,Warehouse,Opening qty,Opening value,") == 3u);
    BOOST_TEST(data.find("CUP-1,陶瓷杯,CZ,10,80.00,13,130.03,") != std::string::npos);
    BOOST_TEST(data.find("\r\n") != std::string::npos);
    BOOST_TEST(reports::csv_field("a,\"b\"") == "\"a,\"\"b\"\"\"");
    BOOST_CHECK_THROW(reports::write_report(month_end, dir.file("m.txt")), InvalidInput);
}

BOOST_AUTO_TEST_CASE(cli_month_end_json_close_and_refusal) {
    std::string cli = std::string(DJ_CLI_PATH) + " --db '" + db.path() + "' ";
    nlohmann::json rows =
        nlohmann::json::parse(run(cli + "--json report month-end --period 2026-09"));
    BOOST_REQUIRE(rows.is_array());
    bool seen = false;
    for (const auto& r : rows) {
        for (const char* key : {"sku", "warehouse", "open_qty", "open_value", "in_qty", "in_value",
                                "out_qty", "out_value", "close_qty", "close_value"})
            BOOST_TEST(r.contains(key), "missing " << key);
        BOOST_TEST(r["open_qty"].get<long>() + r["in_qty"].get<long>() - r["out_qty"].get<long>() ==
                   r["close_qty"].get<long>());
        if (r["sku"] == "CUP-1" && r["warehouse"] == "CZ") {
            seen = true;
            BOOST_TEST(r["close_value"].get<double>() == 64.91);
            BOOST_TEST(r["shipment_value"].get<double>() == 81.80);
            BOOST_TEST(r["in_value"].get<double>() == 148.03);
        }
    }
    BOOST_TEST(seen);
    BOOST_TEST(
        run(cli + "--json report month-end --period 2026-09 --warehouse GZ").find("\"CZ\"") ==
        std::string::npos);
    BOOST_TEST(run(cli + "period close 2026-09").find("Closed 2026-09") != std::string::npos);
    BOOST_TEST(run(cli + "--json period list").find("\"closed\"") != std::string::npos);
    BOOST_TEST(run("(" + cli +
                   "stock ship CUP-1 1 --warehouse CZ --at 2026-09-20T10:00:00+08:00) "
                   "2>/dev/null; echo rc=$?")
                   .find("rc=1") != std::string::npos);
    BOOST_TEST(run(cli + "--json period list").find("\"locked\"") != std::string::npos);
    BOOST_TEST(run("(" + cli + "period reopen 2026-09) 2>/dev/null; echo rc=$?").find("rc=2") !=
               std::string::npos);
    BOOST_TEST(run(cli + "period reopen 2026-09 --reason 'late invoice'").find("Reopened") !=
               std::string::npos);
    BOOST_TEST(run(cli + "--json audit --limit 1").find("late invoice") != std::string::npos);
    BOOST_TEST(run(cli + "period close 2026-09").find("Closed 2026-09") != std::string::npos);
    BOOST_TEST(run(cli + "--json report valuation --at 2026-09-30").find("\"value\": 64.91") !=
               std::string::npos);
    BOOST_TEST(
        run(cli + "--json report abc --from 2026-09-01 --to 2026-09-30").find("\"class\": \"A\"") !=
        std::string::npos);
    BOOST_TEST(run(cli + "--json report turnover --from 2026-09-01 --to 2026-09-30")
                   .find("\"slow_mover\": true") != std::string::npos);
    BOOST_TEST(run(cli + "report month-end --period 2026-09 --out '" + dir.file("c.xlsx") + "'")
                   .find("Wrote") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
