#pragma once

#include <string>
#include <string_view>

namespace dj {

// Platforms and people write the same place differently: "江苏省" / "江苏", "上海市" / "上海",
// "广西壮族自治区" / "广西". The short form is what comparisons use.
std::string short_region_name(std::string_view name);
bool same_region(std::string_view a, std::string_view b);

// Whether an address lies in a region given as a province and optionally a city (empty: the
// whole province).
bool region_covers(std::string_view province, std::string_view city,
                   std::string_view address_province, std::string_view address_city);

}  // namespace dj
