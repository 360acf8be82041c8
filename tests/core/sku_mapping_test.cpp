#include "core/stock/sku_mapping.h"

#include <boost/test/unit_test.hpp>

#include "core/base/error.h"

using namespace dj;

BOOST_AUTO_TEST_SUITE(sku_mapping)

BOOST_AUTO_TEST_CASE(single_sku) {
    SkuMapping m{1, 1, "5012", {{7, 1}}};
    auto c = expand_mapping(m, 3);
    BOOST_TEST_REQUIRE(c.size() == 1u);
    BOOST_TEST(c[0].sku_id == 7);
    BOOST_TEST(c[0].qty == 3);
}

BOOST_AUTO_TEST_CASE(bundle_multiplies_and_merges) {
    SkuMapping m{1, 1, "GIFT-BOX", {{7, 1}, {8, 2}, {7, 1}}};
    auto c = expand_mapping(m, 2);
    BOOST_TEST_REQUIRE(c.size() == 2u);
    BOOST_TEST(c[0].sku_id == 7);
    BOOST_TEST(c[0].qty == 4);
    BOOST_TEST(c[1].sku_id == 8);
    BOOST_TEST(c[1].qty == 4);
}

BOOST_AUTO_TEST_CASE(refuses_empty_or_non_positive) {
    BOOST_CHECK_THROW(expand_mapping(SkuMapping{1, 1, "X", {}}, 1), InvalidInput);
    BOOST_CHECK_THROW(expand_mapping(SkuMapping{1, 1, "X", {{7, 1}}}, 0), InvalidInput);
    BOOST_CHECK_THROW(expand_mapping(SkuMapping{1, 1, "X", {{7, 0}}}, 1), InvalidInput);
}

BOOST_AUTO_TEST_SUITE_END()
