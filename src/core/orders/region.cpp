#include "core/orders/region.h"

#include <array>

#include "core/base/text.h"

namespace dj {

std::string short_region_name(std::string_view name) {
    // Longest suffixes first: "壮族自治区" must go before "自治区".
    static constexpr std::array<std::string_view, 10> kSuffixes{
        "维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区",
        "自治州",       "地区",       "省",         "市",         "盟"};
    name = trimmed(name);
    for (std::string_view suffix : kSuffixes) {
        if (name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix) {
            name.remove_suffix(suffix.size());
            break;
        }
    }
    return std::string(name);
}

bool same_region(std::string_view a, std::string_view b) {
    return short_region_name(a) == short_region_name(b);
}

bool region_covers(std::string_view province, std::string_view city,
                   std::string_view address_province, std::string_view address_city) {
    if (!same_region(province, address_province)) return false;
    return trimmed(city).empty() || same_region(city, address_city);
}

}  // namespace dj
