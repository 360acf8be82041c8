#include <cstdlib>

#include "cli/cli_support.h"

using namespace cli_test;
using nlohmann::json;

namespace {

// OrderShop with its orders imported and order 1 (2 x TEA-001, tb-main) given a waybill.
struct WaveShop : OrderShop {
    WaveShop() {
        ok({"orders", "import", fixture("orders_good.json")});
        ok({"order", "waybill", kOrder1, "--carrier", "ZTO", "--tracking", "75310000000001"});
    }
    int pdf_pages(const fs::path& pdf) const {
        std::string out = (dir() / "info.txt").string();
        std::string cmd = "pdfinfo " + pdf.string() + " > " + out + " 2>/dev/null";
        BOOST_REQUIRE(std::system(cmd.c_str()) == 0);
        std::string info = read_all(out);
        std::size_t at = info.find("Pages:");
        BOOST_REQUIRE(at != std::string::npos);
        return std::stoi(info.substr(at + 6));
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(cli_waves, WaveShop)

BOOST_AUTO_TEST_CASE(wave_create_picksheet_labels_and_pack) {
    Run created =
        ok_json({"wave", "create", "--warehouse", "CZ", "--carrier", "ZTO", "--max", "10"});
    json wave = parse_json(created);
    BOOST_TEST_REQUIRE(wave.is_object());
    std::string number = str(wave, "wave");
    BOOST_TEST(number.rfind("W", 0) == 0u);
    BOOST_TEST(wave.at("orders") == json::parse("[\"" + kOrder1 + "\"]"), created.out);
    json listed = list({"wave", "list"});
    BOOST_TEST(str(listed.at(0), "wave") == number);

    fs::path sheet = dir() / "pick.pdf";
    ok({"print", "picksheet", number, "--out", sheet.string()});
    BOOST_TEST(pdf_pages(sheet) >= 1);
    fs::path labels = dir() / "labels.pdf";
    ok({"print", "labels", number, "--size", "100x150", "--out", labels.string()});
    BOOST_TEST(pdf_pages(labels) == 1);
    // Nothing else waits with a ZTO waybill.
    json none = parse_json(ok_json({"wave", "create", "--carrier", "ZTO"}));
    BOOST_TEST(none.at("wave").is_null());
    fs::path packing = dir() / "packing.pdf";
    ok({"print", "packing-list", kOrder1, "--out", packing.string()});
    BOOST_TEST(pdf_pages(packing) == 1);

    Run wrong = fails({"pack", kOrder1, "--scan", "6900000000001"});  // milk, not in the order
    BOOST_TEST(contains(wrong.err, "not in this order"), wrong.err);
    Run short_scan = fails({"pack", kOrder1, "--scan", "6901234567890"});
    BOOST_TEST(contains(short_scan.err, "1 of 2"), short_scan.err);
    Run packed = ok({"pack", kOrder1, "--scan", "6901234567890", "TEA-001"});
    BOOST_TEST(contains(packed.out, "packed: 2 units"), packed.out);
    ok({"check"});
}

BOOST_AUTO_TEST_CASE(waybill_errors_and_print_send) {
    Run taken =
        fails({"order", "waybill", kOrder3, "--carrier", "JD", "--tracking", "75310000000001"});
    BOOST_TEST(contains(taken.err, "75310000000001"), taken.err);
    fails({"order", "waybill", "no-such-order", "--carrier", "JD", "--tracking", "1"});

    fs::path pdf = dir() / "packing.pdf";
    ok({"print", "packing-list", kOrder1, "--out", pdf.string()});
    Run unnamed = fails({"print", "send", pdf.string()});
    BOOST_TEST(contains(unnamed.err, "--printer"), unnamed.err);
    Run unchosen = fails({"print", "send", pdf.string(), "--document", "label"});
    BOOST_TEST(contains(unnamed.err, "print choose"), unnamed.err);
    BOOST_TEST(contains(unchosen.err, "No printer is chosen for label"), unchosen.err);
    fails({"print", "send", pdf.string(), "--document", "sticker"}, 2);

    // No print service at that address: the message names the file, the printer and CUPS.
    const char* saved = std::getenv("CUPS_SERVER");
    std::string before = saved ? saved : "";
    setenv("CUPS_SERVER", (dir() / "no-cupsd.sock").string().c_str(), 1);
    Run down = run({"print", "send", pdf.string(), "--printer", "Label-Printer"});
    Run choose = run({"print", "choose", "label", "Label-Printer"});
    if (saved)
        setenv("CUPS_SERVER", before.c_str(), 1);
    else
        unsetenv("CUPS_SERVER");
    BOOST_TEST(down.code == 1);
    BOOST_TEST(contains(down.err, pdf.string()), down.err);
    BOOST_TEST(contains(down.err, "Label-Printer"), down.err);
    BOOST_TEST(contains(down.err, "CUPS"), down.err);
    BOOST_TEST(choose.code == 1);
    BOOST_TEST(contains(choose.err, "CUPS"), choose.err);
    // Nothing was remembered.
    Run still = fails({"print", "send", pdf.string(), "--document", "label"});
    BOOST_TEST(contains(still.err, "No printer is chosen"), still.err);
}

BOOST_AUTO_TEST_CASE(a_waved_order_ships_after_packing) {
    std::string number = str(parse_json(ok_json({"wave", "create", "--carrier", "ZTO"})), "wave");
    Run early =
        fails({"order", "ship", kOrder1, "--carrier", "ZTO", "--tracking", "75310000000001"});
    BOOST_TEST(contains(early.err, number), early.err);
    BOOST_TEST(contains(early.err, "not packed"), early.err);
    // Every item scanned: the parcel ships at once under its label, as at the pack station.
    Run packed = ok({"pack", kOrder1, "--scan", "6901234567890", "TEA-001"});
    BOOST_TEST(contains(packed.out, "75310000000001"), packed.out);
    json shipped = list({"orders", "list", "--status", "shipped"});
    BOOST_TEST(shipped.dump().find(kOrder1) != std::string::npos, shipped.dump());
    int confirmations = 0;
    for (const json& e : list({"outbox", "list", "--pending"}))
        if (str(e, "kind") == "shipment" && str(e, "subject") == kOrder1) ++confirmations;
    BOOST_TEST(confirmations == 1);
    Run again =
        fails({"order", "ship", kOrder1, "--carrier", "ZTO", "--tracking", "75310000000001"});
    BOOST_TEST(contains(again.err, "shipped"), again.err);
}

BOOST_AUTO_TEST_SUITE_END()
