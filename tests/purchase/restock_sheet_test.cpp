// The restock sheet as a person gets it: the PDF rendered to pixels (ink on the page), the XLSX
// unzipped (one sheet per supplier with its rows as numbers).
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "reports/restock_sheet_document.h"
#include "test_db.h"

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

RestockLine restock_line(const std::string& sku, const std::string& supplier, Qty suggested,
                         Fen unit_cost) {
    RestockLine l;
    l.sku = sku;
    l.sku_name = "陶瓷杯 " + sku;
    l.warehouse = "CZ";
    l.supplier = supplier;
    l.supplier_name = supplier.empty() ? "" : "供应商 " + supplier;
    l.d = 1.5;
    l.reorder_point = 22;
    l.available = 2;
    l.backlog = 7;
    l.position = -5;
    l.suggested = suggested;
    l.unit_cost = unit_cost;
    return l;
}

struct Sheet {
    test::TempDir dir;
    reports::ReportDocument doc = reports::restock_sheet_document(
        {restock_line("CUP-1", "SUP1", 30, 800), restock_line("CUP-2", "SUP1", 12, 150),
         restock_line("TEA-1", "SUP2", 4, 2000), restock_line("TEA-9", "SUP2", 0, 2000),
         restock_line("LOOSE-1", "", 5, 100)},
        "测试店", 1795000000);
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(restock_sheet, Sheet)

BOOST_AUTO_TEST_CASE(one_section_per_supplier_with_its_total) {
    BOOST_TEST_REQUIRE(doc.sections.size() == 3u);
    BOOST_TEST(doc.sections[0].sheet_name == "SUP1");
    BOOST_TEST(doc.sections[0].rows.size() == 2u);
    BOOST_TEST(doc.columns.at(6).key == "backlog");
    BOOST_TEST(doc.sections[0].rows.at(0)[6].number == 7);
    BOOST_TEST(doc.sections[0].rows.at(0)[9].number == -5);  // position
    BOOST_TEST(doc.sections[0].totals.at(0)[12].number == 30 * 800 + 12 * 150);
    BOOST_TEST(doc.sections[1].sheet_name == "SUP2");
    BOOST_TEST(doc.sections[1].rows.size() == 1u);                // TEA-9 suggests nothing
    BOOST_TEST(doc.sections[2].rows.at(0)[0].text == "LOOSE-1");  // no supplier comes last
    BOOST_TEST(doc.summary.totals.at(0)[10].number == 30 + 12 + 4 + 5);
}

BOOST_AUTO_TEST_CASE(pdf_has_ink) {
    std::string pdf = dir.file("sheet.pdf");
    reports::write_report(doc, pdf);
    run("pdftoppm -gray -r 60 -f 1 -l 1 '" + pdf + "' '" + dir.file("p") + "'");
    std::string page;
    for (const char* name : {"p-1.pgm", "p-01.pgm", "p-001.pgm"})
        if (std::ifstream(dir.file(name)).good()) page = dir.file(name);
    BOOST_TEST_REQUIRE(!page.empty());
    std::ifstream in(page, std::ios::binary);
    std::ostringstream data;
    data << in.rdbuf();
    std::string pixels = data.str();
    std::istringstream head(pixels);
    std::string magic;
    int w = 0, h = 0, max = 0;
    head >> magic >> w >> h >> max;
    long dark = 0;
    for (std::size_t i = static_cast<std::size_t>(head.tellg()) + 1; i < pixels.size(); ++i)
        if (static_cast<unsigned char>(pixels[i]) < 160) ++dark;
    BOOST_TEST_MESSAGE("ink on page 1: " << dark);
    BOOST_TEST(dark > 2000);
}

BOOST_AUTO_TEST_CASE(xlsx_has_a_sheet_per_supplier_with_the_rows) {
    std::string xlsx = dir.file("sheet.xlsx");
    reports::write_report(doc, xlsx);
    std::string workbook = run("unzip -p '" + xlsx + "' xl/workbook.xml");
    BOOST_TEST(workbook.find("name=\"SUP1\"") != std::string::npos);
    BOOST_TEST(workbook.find("name=\"SUP2\"") != std::string::npos);
    std::string strings = run("unzip -p '" + xlsx + "' xl/sharedStrings.xml");
    BOOST_TEST(strings.find("CUP-2") != std::string::npos);
    BOOST_TEST(strings.find("TEA-9") == std::string::npos);
    // Sheet 1 is the summary; SUP1's sheet has the header, two rows and the total.
    std::string sup1 = run("unzip -p '" + xlsx + "' xl/worksheets/sheet2.xml");
    std::size_t rows = 0;
    for (std::size_t at = sup1.find("<row "); at != std::string::npos;
         at = sup1.find("<row ", at + 1))
        ++rows;
    BOOST_TEST(rows == 4u);
    BOOST_TEST(sup1.find("<v>30</v>") != std::string::npos);   // suggested, a number
    BOOST_TEST(sup1.find("<v>240</v>") != std::string::npos);  // amount 30 × 8.00
}

BOOST_AUTO_TEST_SUITE_END()
