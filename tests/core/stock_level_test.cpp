#include "core/stock/stock_level.h"

#include <boost/test/unit_test.hpp>

using namespace dj;

BOOST_AUTO_TEST_SUITE(stock_level)

BOOST_AUTO_TEST_CASE(out_low_and_enough) {
    BOOST_TEST((classify_stock(0, 3.0) == StockLevel::out));
    BOOST_TEST((classify_stock(-2, 0.0) == StockLevel::out));
    BOOST_TEST((classify_stock(20, 3.0) == StockLevel::low));  // under 7 days of cover
    BOOST_TEST((classify_stock(21, 3.0) == StockLevel::enough));
    BOOST_TEST((classify_stock(1, 0.0) == StockLevel::enough));  // nothing sells: not low
    BOOST_TEST((classify_stock(10, 1.0, 14) == StockLevel::low));
    BOOST_TEST(stock_level_code(StockLevel::low) == "low");
}

BOOST_AUTO_TEST_SUITE_END()
