#include "core/fulfilment/carrier.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/base/error.h"

using namespace dj;

BOOST_AUTO_TEST_SUITE(carriers)

BOOST_AUTO_TEST_CASE(a_carrier_is_named_by_code_or_chinese_name) {
    BOOST_TEST(std::string(require_carrier("ZTO", "t").code) == "ZTO");
    BOOST_TEST(std::string(require_carrier(" zto ", "t").code) == "ZTO");
    BOOST_TEST(std::string(require_carrier("中通", "t").code) == "ZTO");
    BOOST_TEST(std::string(require_carrier("中通快递", "t").code) == "ZTO");
    BOOST_TEST(std::string(require_carrier("顺丰", "t").code) == "SF");
    BOOST_TEST(std::string(require_carrier("极兔", "t").code) == "JTSD");
    BOOST_TEST(std::string(require_carrier("邮政快递包裹", "t").code) == "YZPY");
    BOOST_TEST(std::string(require_carrier("ZTO Express", "t").code) == "ZTO");
    for (const char* code : {"SF", "ZTO", "YTO", "STO", "YD", "JTSD", "EMS", "YZPY", "JD", "DBL"})
        BOOST_TEST(find_carrier(code) != nullptr, code);
    BOOST_TEST(find_carrier("115") == nullptr);
}

BOOST_AUTO_TEST_CASE(an_unknown_carrier_is_refused_with_the_list) {
    try {
        require_carrier("快递100", "Order 1001");
        BOOST_FAIL("accepted");
    } catch (const InvalidInput& e) {
        std::string m = e.what();
        BOOST_TEST(m.find("Order 1001") != std::string::npos, m);
        BOOST_TEST(m.find("快递100") != std::string::npos, m);
        BOOST_TEST(m.find("ZTO") != std::string::npos, m);
        BOOST_TEST(m.find("DBL") != std::string::npos, m);
    }
    BOOST_CHECK_THROW(require_carrier("", "t"), InvalidInput);
}

BOOST_AUTO_TEST_CASE(tracking_numbers_have_their_carriers_shape) {
    for (const Carrier& c : known_carriers())
        BOOST_CHECK_NO_THROW(require_tracking_shape(c, c.example, "t"));
    BOOST_TEST(normalise_tracking(" sf 1234567890123 ") == "SF1234567890123");
    const Carrier& zto = require_carrier("ZTO", "t");
    BOOST_CHECK_THROW(require_tracking_shape(zto, "ZT100", "t"), InvalidInput);
    BOOST_CHECK_THROW(require_tracking_shape(zto, "7531", "t"), InvalidInput);
    BOOST_CHECK_THROW(require_tracking_shape(zto, "SF1234567890123", "t"), InvalidInput);
    BOOST_CHECK_THROW(require_tracking_shape(require_carrier("SF", "t"), "75310000000001", "t"),
                      InvalidInput);
    BOOST_CHECK_NO_THROW(
        require_tracking_shape(require_carrier("JD", "t"), "JDV000000000003", "t"));
    BOOST_CHECK_NO_THROW(require_tracking_shape(require_carrier("EMS", "t"), "EA123456789CN", "t"));
    try {
        require_tracking_shape(zto, "ABC", "Order 1001");
        BOOST_FAIL("accepted");
    } catch (const InvalidInput& e) {
        std::string m = e.what();
        BOOST_TEST(m.find("Order 1001") != std::string::npos, m);
        BOOST_TEST(m.find("ABC") != std::string::npos, m);
        BOOST_TEST(m.find(zto.example) != std::string::npos, m);
    }
}

BOOST_AUTO_TEST_CASE(a_platforms_own_code_comes_from_its_carrier_list) {
    std::vector<std::pair<std::string, std::string>> pdd{
        {"115", "中通快递"}, {"85", "圆通快递"}, {"132", "邮政快递包裹"}, {"118", "EMS"}};
    BOOST_TEST(*platform_carrier_code(require_carrier("ZTO", "t"), pdd) == "115");
    BOOST_TEST(*platform_carrier_code(require_carrier("YTO", "t"), pdd) == "85");
    BOOST_TEST(*platform_carrier_code(require_carrier("YZPY", "t"), pdd) == "132");
    BOOST_TEST(*platform_carrier_code(require_carrier("EMS", "t"), pdd) == "118");
    BOOST_TEST(!platform_carrier_code(require_carrier("SF", "t"), pdd).has_value());
    std::vector<std::pair<std::string, std::string>> taobao{{"zto", "中通"}, {"SF", "顺丰速运"}};
    BOOST_TEST(*platform_carrier_code(require_carrier("ZTO", "t"), taobao) == "zto");
    BOOST_TEST(*platform_carrier_code(require_carrier("顺丰", "t"), taobao) == "SF");
}

BOOST_AUTO_TEST_SUITE_END()
