#include "core/base/translate.h"

#include <boost/test/unit_test.hpp>

using namespace dj;

BOOST_AUTO_TEST_SUITE(translate)

BOOST_AUTO_TEST_CASE(placeholders_by_position) {
    BOOST_TEST(format_message("{0} of {1}", {"3", "5"}) == "3 of 5");
    BOOST_TEST(format_message("{1} 的 {0}", {"3", "5"}) == "5 的 3");
    BOOST_TEST(format_message("{0}{0}", {"ab"}) == "abab");
    // Unknown or malformed placeholders stay as written.
    BOOST_TEST(format_message("{2} {x} {", {"a"}) == "{2} {x} {");
}

BOOST_AUTO_TEST_CASE(installed_translator_is_used) {
    set_translator([](const char* id) {
        return std::string(id) == "Not enough stock" ? std::string("库存不足") : std::string(id);
    });
    BOOST_TEST(tr("Not enough stock") == "库存不足");
    BOOST_TEST(trf("SKU {0}", "TEA-1") == "SKU TEA-1");
    set_translator(nullptr);
    BOOST_TEST(tr("Not enough stock") == "Not enough stock");
}

BOOST_AUTO_TEST_SUITE_END()
