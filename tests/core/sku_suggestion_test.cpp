#include "core/stock/sku_suggestion.h"

#include <boost/test/unit_test.hpp>

#include "core/base/error.h"

using namespace dj;
using Why = SkuSuggestion::Why;

namespace {

std::vector<Sku> catalogue() {
    auto sku = [](std::string code, std::string name, std::vector<std::string> barcodes = {}) {
        Sku s;
        s.code = std::move(code);
        s.name = std::move(name);
        s.barcodes = std::move(barcodes);
        return s;
    };
    return {sku("TEA-001", "西湖龙井 250g", {"6901234567892"}), sku("TEA-002", "碧螺春 250g"),
            sku("CUP-001", "陶瓷马克杯 白色"), sku("CUP-0012", "玻璃杯 350ml"),
            sku("PEN-9", "中性笔")};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sku_suggestion)

BOOST_AUTO_TEST_CASE(a_code_spelt_another_way_is_the_surest) {
    std::vector<SkuSuggestion> s = suggest_skus("tea 001", "", "随便什么", catalogue());
    BOOST_REQUIRE(!s.empty());
    BOOST_TEST(s.front().code == "TEA-001");
    BOOST_TEST(s.front().score == 100);
    BOOST_TEST((s.front().why == Why::same_code));
}

BOOST_AUTO_TEST_CASE(a_barcode_as_seller_code_or_platform_id) {
    std::vector<SkuSuggestion> s = suggest_skus("", "6901234567892", "", catalogue());
    BOOST_REQUIRE(s.size() == 1u);
    BOOST_TEST(s.front().code == "TEA-001");
    BOOST_TEST((s.front().why == Why::barcode));
}

BOOST_AUTO_TEST_CASE(a_code_with_something_added_or_cut) {
    std::vector<SkuSuggestion> s = suggest_skus("CUP-001-RED", "", "", catalogue());
    BOOST_REQUIRE(!s.empty());
    BOOST_TEST(s.front().code == "CUP-001");
    BOOST_TEST((s.front().why == Why::code_part));
    // Too short a code finds nothing by parts ("9" is in many things).
    BOOST_TEST(suggest_skus("9", "", "", catalogue()).empty());
}

BOOST_AUTO_TEST_CASE(a_title_that_holds_the_name_among_shop_words) {
    std::vector<SkuSuggestion> s =
        suggest_skus("", "", "【新品】2026 明前 西湖龙井 250g 罐装 包邮", catalogue());
    BOOST_REQUIRE(!s.empty());
    BOOST_TEST(s.front().code == "TEA-001");
    BOOST_TEST((s.front().why == Why::name));
    BOOST_TEST(s.front().score < 70);  // a name is never as sure as a code
    // 250g alone is shared with 碧螺春, but too little of its name to be suggested above it.
    for (const SkuSuggestion& x : s)
        BOOST_TEST(x.code != "TEA-002");
}

BOOST_AUTO_TEST_CASE(nothing_like_it_suggests_nothing) {
    BOOST_TEST(suggest_skus("ZZZ-404", "", "无线鼠标", catalogue()).empty());
    BOOST_TEST(suggest_skus("", "", "", catalogue()).empty());
}

BOOST_AUTO_TEST_CASE(at_most_max_surest_first_ties_by_code) {
    std::vector<SkuSuggestion> s = suggest_skus("CUP", "", "杯", catalogue(), 1);
    BOOST_REQUIRE(s.size() == 1u);
    BOOST_TEST(s.front().code == "CUP-001");
}

BOOST_AUTO_TEST_CASE(search_by_code_name_or_barcode_exact_first) {
    std::vector<Sku> all = catalogue();
    std::vector<const Sku*> found = find_skus("cup-001", all);
    BOOST_REQUIRE(found.size() == 2u);
    BOOST_TEST(found[0]->code == "CUP-001");  // exact before CUP-0012
    BOOST_TEST(found[1]->code == "CUP-0012");
    BOOST_REQUIRE(find_skus("6901234567892", all).size() == 1u);
    BOOST_TEST(find_skus("龙井", all).front()->code == "TEA-001");
    BOOST_TEST(find_skus("  ", all).empty());
    BOOST_TEST(find_skus("250", all, 1).size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_typed_or_scanned_text_names_one_sku_or_says_why_not) {
    std::vector<Sku> all = catalogue();
    BOOST_TEST(pick_sku("cup-001", all).code == "CUP-001");  // exact, although CUP-0012 matches
    BOOST_TEST(pick_sku(" 6901234567892 ", all).code == "TEA-001");
    BOOST_TEST(pick_sku("碧螺春", all).code == "TEA-002");  // the only hit of a name
    auto says = [](const std::string& words) {
        return [words](const InvalidInput& e) {
            return std::string(e.what()).find(words) != std::string::npos;
        };
    };
    BOOST_CHECK_EXCEPTION(pick_sku("250g", all), InvalidInput, says("TEA-001, TEA-002"));
    BOOST_CHECK_EXCEPTION(pick_sku("6900000000000", all), InvalidInput, says("6900000000000"));
}

BOOST_AUTO_TEST_SUITE_END()
