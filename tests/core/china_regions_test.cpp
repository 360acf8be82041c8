#include "core/orders/china_regions.h"

#include <boost/test/unit_test.hpp>
#include <set>

#include "core/base/error.h"

using namespace dj;

namespace {

std::string refusal(std::string_view province, std::string_view city) {
    try {
        resolve_region(province, city);
    } catch (const InvalidInput& e) {
        return e.what();
    }
    return "accepted";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(china_regions)

BOOST_AUTO_TEST_CASE(the_list_has_every_province_and_prefecture) {
    BOOST_TEST(china_provinces().size() == 34u);
    // 333 prefecture-level divisions and the four municipalities; the rest are county-level
    // places a province administers directly (codes xx90xx).
    std::size_t prefectures = 0;
    std::set<int> codes;
    for (const ChinaRegion& c : china_cities()) {
        if (c.code / 100 % 100 != 90) ++prefectures;
        BOOST_TEST(codes.insert(c.code).second, c.name);
    }
    BOOST_TEST(prefectures == 333u + 4u);
}

BOOST_AUTO_TEST_CASE(names_as_people_type_them_resolve_to_the_official_ones) {
    BOOST_TEST(resolve_region("江苏", "").province == "江苏省");
    BOOST_TEST(resolve_region("内蒙古", "").province == "内蒙古自治区");
    BOOST_TEST(resolve_region("广西", "").province == "广西壮族自治区");
    BOOST_TEST(resolve_region(" 上海市 ", "").province == "上海市");
    OfficialRegion r = resolve_region("江苏省", "常州");
    BOOST_TEST(r.province == "江苏省");
    BOOST_TEST(r.city == "常州市");
    BOOST_TEST(resolve_region("吉林", "延边").city == "延边朝鲜族自治州");
    BOOST_TEST(resolve_region("湖北", "仙桃").city == "仙桃市");
    BOOST_TEST(resolve_city("杭州") == "杭州市");
}

BOOST_AUTO_TEST_CASE(unknown_names_are_refused_with_the_closest) {
    BOOST_TEST(refusal("火星", "") != "accepted");
    BOOST_TEST(refusal("火星", "").find("not a province") != std::string::npos);
    // A typo: the right one is offered.
    BOOST_TEST(refusal("江酥", "").find("江苏省") != std::string::npos, refusal("江酥", ""));
    // A city of another province.
    std::string wrong = refusal("江苏", "杭州");
    BOOST_TEST(wrong.find("not a city of 江苏省") != std::string::npos, wrong);
    BOOST_CHECK_THROW(resolve_city("亚特兰蒂斯"), InvalidInput);
    // Only "台湾省" itself: the list has no cities there.
    BOOST_TEST(refusal("台湾", "台北").find("no cities") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
