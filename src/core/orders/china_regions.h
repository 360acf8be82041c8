#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dj {

// A province or prefecture-level division by GB/T 2260 (china_regions_data.cpp); a city's
// province is the one whose code starts with the same two digits.
struct ChinaRegion {
    int code = 0;
    const char* name = "";
};

const std::vector<ChinaRegion>& china_provinces();
const std::vector<ChinaRegion>& china_cities();

// A region as its official names: a province and, optionally, one of its cities.
struct OfficialRegion {
    std::string province;
    std::string city;  // empty: the whole province
};

// Resolves a province and city as people type them ("江苏", "内蒙古", "常州", "延边") to their
// official names ("江苏省", "内蒙古自治区", "常州市", "延边朝鲜族自治州"). An unknown name, or a
// city of another province, is refused (InvalidInput) with the closest official names.
OfficialRegion resolve_region(std::string_view province, std::string_view city);

// The same for a city named without its province (a rule's city condition): the official name
// when it is a city of some province.
std::string resolve_city(std::string_view city);

}  // namespace dj
