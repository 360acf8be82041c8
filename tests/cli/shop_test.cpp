// The shop's own name: set once, printed on its reports instead of the database file's name.
#include "cli/cli_support.h"

using namespace cli_test;

BOOST_FIXTURE_TEST_SUITE(cli_shop, StockShop)

BOOST_AUTO_TEST_CASE(the_shop_name_goes_on_the_reports) {
    BOOST_TEST(contains(ok({"shop", "show"}).out, "shop"));  // the file's name until one is given
    ok({"shop", "set", "--name", "  Hill Tea House  "});
    BOOST_TEST(ok({"shop", "show"}).out == "Hill Tea House\n");
    BOOST_TEST(sql_text(db(), "SELECT detail FROM audit_log WHERE action = 'shop.name'") ==
               "Hill Tea House");
    fs::path pdf = dir() / "month.pdf";
    ok({"report", "month-end", "--period", "2026-11", "--out", pdf.string()});
    fs::path text = dir() / "month.txt";
    std::string command = "pdftotext '" + pdf.string() + "' '" + text.string() + "'";
    BOOST_TEST_REQUIRE(std::system(command.c_str()) == 0);
    BOOST_TEST(contains(read_all(text), "Hill Tea House"), read_all(text));
    BOOST_TEST(!contains(read_all(text), "shop.db"));

    Run empty = fails({"shop", "set", "--name", " "});
    BOOST_TEST(contains(empty.err, "needs a name"));
    Run long_name = fails({"shop", "set", "--name", std::string(65, 'x')});
    BOOST_TEST(contains(long_name.err, "at most 64"));
    BOOST_TEST(ok({"shop", "show"}).out == "Hill Tea House\n");
}

BOOST_AUTO_TEST_SUITE_END()
