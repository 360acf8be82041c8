// Renders the PDFs with poppler and looks at the pixels: libharu can print blank hanzi while
// pdftotext still extracts them (TOOLCHAIN.md), so ink and decoded barcodes are what count.
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/base/clock.h"
#include "core/base/error.h"
#include "reports/label_template.h"
#include "reports/packing_list.h"
#include "reports/pdf_table_writer.h"
#include "reports/pick_sheet.h"
#include "reports/report_document.h"
#include "reports/waybill_label.h"
#include "temp_dir.h"

using namespace dj;

namespace {

std::string run(const std::string& command) {
    std::string out;
    FILE* p = popen((command + " 2>/dev/null").c_str(), "r");
    BOOST_REQUIRE(p);
    char buf[4096];
    while (std::size_t n = fread(buf, 1, sizeof buf, p))
        out.append(buf, n);
    pclose(p);
    return out;
}

// Share of dark pixels in a binary PGM written by pdftoppm -gray.
double ink(const std::string& pgm_path) {
    std::ifstream in(pgm_path, std::ios::binary);
    std::string magic;
    int w = 0, h = 0, max = 0;
    in >> magic >> w >> h >> max;
    in.get();
    std::string pixels((std::istreambuf_iterator<char>(in)), {});
    std::size_t dark = 0;
    for (char c : pixels)
        dark += static_cast<unsigned char>(c) < 128;
    return pixels.empty() ? 0 : static_cast<double>(dark) / static_cast<double>(pixels.size());
}

LabelData label(const std::string& tracking) {
    LabelData d;
    d.carrier = "中通快递";
    d.tracking_no = tracking;
    d.order_no = "3900000000000000001";
    d.store_name = "店家旗舰店";
    d.sender_name = "店家旗舰店";
    d.sender_address = "常州仓";
    d.receiver = {"张**", "138****5678", "江苏省", "常州市", "武进区", "湖塘镇***"};
    d.items = "CUP-1 x2; TEA-1 x1";
    d.wave = "W20261124-001 / 1";
    d.printed_at = parse_time("2026-11-24T10:00:00+08:00", "t");
    return d;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(label_pdf)

BOOST_AUTO_TEST_CASE(a_missing_font_names_every_path_tried) {
    auto message = [](auto&& find) -> std::string {
        try {
            find();
        } catch (const reports::OutputError& e) {
            return e.what();
        }
        BOOST_FAIL("no error for a missing font");
        return {};
    };
    std::string none = message([] {
        reports::first_existing_font({"/no/such/wqy-zenhei.ttc", "/no/such/simhei.ttf"});
    });
    BOOST_TEST(none.find("/no/such/wqy-zenhei.ttc, /no/such/simhei.ttf") != std::string::npos,
               none);
    BOOST_TEST(none.find("DIANJIA_PDF_FONT") != std::string::npos, none);

    // A font named on purpose is the only one tried, and labels fail on it with its name.
    const char* saved = std::getenv("DIANJIA_PDF_FONT");
    std::string before = saved ? saved : "";
    setenv("DIANJIA_PDF_FONT", "/no/such/named.ttc", 1);
    std::string named = message([] { reports::default_cjk_font_path(); });
    test::TempDir dir;
    std::string labels = message([&dir] {
        reports::render_labels({label("SN0000000001")}, reports::load_label_template("100x150"),
                               dir.file("never.pdf"));
    });
    if (saved)
        setenv("DIANJIA_PDF_FONT", before.c_str(), 1);
    else
        unsetenv("DIANJIA_PDF_FONT");
    BOOST_TEST(named.find("/no/such/named.ttc named by DIANJIA_PDF_FONT") != std::string::npos,
               named);
    BOOST_TEST(named.find("wqy-zenhei.ttc") != std::string::npos, named);
    BOOST_TEST(labels == named);
    BOOST_TEST(reports::default_cjk_font_path() != "/no/such/named.ttc");
}

BOOST_AUTO_TEST_CASE(every_size_prints_its_page_chinese_and_a_readable_barcode) {
    test::TempDir dir;
    for (auto [size, w_pt, h_pt] :
         {std::tuple{"100x150", "283.465", "425.197"}, std::tuple{"100x180", "283.465", "510.236"},
          std::tuple{"76x130", "215.433", "368.504"}}) {
        std::string pdf = dir.file(std::string("labels-") + size + ".pdf");
        reports::render_labels({label("ZT7700000001"), label("ZT7700000002")},
                               reports::load_label_template(size), pdf);
        std::string info = run("pdfinfo " + pdf);
        BOOST_TEST(info.find("Pages:           2") != std::string::npos, size);
        BOOST_TEST(info.find(w_pt) != std::string::npos, size << ": " << info);
        BOOST_TEST(info.find(h_pt) != std::string::npos, size << ": " << info);
        std::string text = run("pdftotext " + pdf + " -");
        BOOST_TEST(text.find("张**") != std::string::npos);
        BOOST_TEST(text.find("138****5678") != std::string::npos);  // masked prints masked
        BOOST_TEST(text.find("湖塘镇") != std::string::npos);
        std::string png = dir.file(std::string("label-") + size);
        run("pdftoppm -png -r 200 -f 2 -l 2 -singlefile " + pdf + " " + png);
        BOOST_TEST(run("zbarimg -q --raw " + png + ".png") == "ZT7700000002\n", size);
    }
}

BOOST_AUTO_TEST_CASE(chinese_glyphs_are_inked_not_blank) {
    test::TempDir dir;
    // A layout of Chinese text only: if the font dropped its glyphs the page would be white.
    std::ofstream(dir.file("label_cn.json")) << R"({"width_mm": 100, "height_mm": 150, "elements": [
              {"type": "text", "field": "receiver_address", "x": 4, "y": 10, "size": 28,
               "w": 92, "lines": 4}]})";
    std::string pdf = dir.file("cn.pdf");
    reports::render_labels({label("ZT1")}, reports::load_label_template("cn", dir.file("")), pdf);
    run("pdftoppm -gray -r 100 -singlefile " + pdf + " " + dir.file("cn"));
    BOOST_TEST(ink(dir.file("cn.pgm")) > 0.01);
}

BOOST_AUTO_TEST_CASE(thousand_labels_embed_the_font_once) {
    test::TempDir dir;
    std::vector<LabelData> labels;
    for (int i = 0; i < 1000; ++i)
        labels.push_back(label("ZT" + std::to_string(8800000000 + i)));
    std::string pdf = dir.file("many.pdf");
    reports::render_labels(labels, reports::load_label_template("100x150"), pdf);
    BOOST_TEST(std::filesystem::file_size(pdf) < 3u * 1024 * 1024);
    BOOST_TEST(run("pdfinfo " + pdf).find("Pages:           1000") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(label_without_tracking_number_is_refused) {
    test::TempDir dir;
    BOOST_CHECK_THROW(reports::render_labels({label("")}, reports::load_label_template("100x150"),
                                             dir.file("x.pdf")),
                      Error);
    BOOST_CHECK_THROW(reports::load_label_template("999x1"), Error);
}

BOOST_AUTO_TEST_CASE(pick_sheet_barcode_is_the_wave_number_and_pages_are_numbered) {
    test::TempDir dir;
    PickSheet sheet;
    sheet.wave = {1, "W20261124-007", "CZ", "常州仓", "ZTO", false, WaveStatus::open, 0, 300, 0};
    for (int i = 0; i < 300; ++i) {
        PickStop s;
        s.sku_id = i + 1;
        s.location_id = i + 1;
        s.location_code = "A-" + std::to_string(100 + i);
        s.sku_code = "SKU-" + std::to_string(i);
        s.sku_name = "西湖龙井茶叶";
        s.qty = 2;
        s.slots = {{i + 1, 2}};
        sheet.stops.push_back(s);
        sheet.slots.push_back({i + 1, i + 1, std::to_string(3900 + i), 2});
        sheet.wave.units += 2;
    }
    std::string pdf = dir.file("pick.pdf");
    reports::render_pick_sheet(sheet, pdf, 0);
    std::string info = run("pdfinfo " + pdf);
    BOOST_TEST(info.find("595.276 x 841.89") != std::string::npos, info);
    std::string text = run("pdftotext -layout " + pdf + " -");
    BOOST_TEST(text.find("西湖龙井茶叶") != std::string::npos);
    BOOST_TEST(text.find("Page 1 of") != std::string::npos);
    BOOST_TEST(text.find("600") != std::string::npos);  // the total
    BOOST_TEST(text.find("A-100") < text.find("A-101"));
    run("pdftoppm -png -r 150 -f 2 -l 2 -singlefile " + pdf + " " + dir.file("pick"));
    BOOST_TEST(run("zbarimg -q --raw " + dir.file("pick.png")) == "W20261124-007\n");
    PackingList p;
    p.order_no = "3900";
    p.store_name = "店家旗舰店";
    p.receiver = label("x").receiver;
    p.lines = {{"TEA-1", "西湖龙井", "250g", 2}};
    reports::render_packing_list(p, dir.file("pl.pdf"));
    BOOST_TEST(run("pdfinfo " + dir.file("pl.pdf")).find("419.528 x 595.276") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
