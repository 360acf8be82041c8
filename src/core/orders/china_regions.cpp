#include "core/orders/china_regions.h"

#include <algorithm>
#include <utility>

#include "core/base/error.h"
#include "core/base/joined.h"
#include "core/base/text.h"
#include "core/base/translate.h"
#include "core/orders/region.h"

namespace dj {
namespace {

std::u32string code_points(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = n == 1 ? c : c & (0xFF >> (n + 1));
        for (std::size_t k = 1; k < n && i + k < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(cp);
        i += n;
    }
    return out;
}

// Edits (insert, delete, replace a character) between two names.
std::size_t distance(std::string_view a, std::string_view b) {
    std::u32string x = code_points(a), y = code_points(b);
    std::vector<std::size_t> row(y.size() + 1);
    for (std::size_t j = 0; j <= y.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= x.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= y.size(); ++j) {
            std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] != y[j - 1])});
            diagonal = up;
        }
    }
    return row[y.size()];
}

// The names nearest to what was typed (by their short forms), at most three.
std::string closest(std::string_view typed, const std::vector<const ChinaRegion*>& candidates) {
    std::string key = short_region_name(typed);
    std::vector<std::pair<std::size_t, const char*>> scored;
    for (const ChinaRegion* r : candidates)
        scored.emplace_back(distance(key, short_region_name(r->name)), r->name);
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> names;
    for (std::size_t i = 0; i < scored.size() && i < 3; ++i)
        names.emplace_back(scored[i].second);
    return joined(names);
}

// The one region whose name or short name is `typed`, else the one whose short name begins with
// it ("延边" → 延边朝鲜族自治州); null when none or several do.
const ChinaRegion* find(std::string_view typed, const std::vector<const ChinaRegion*>& candidates) {
    std::string key = short_region_name(typed);
    for (const ChinaRegion* r : candidates)
        if (typed == r->name || key == short_region_name(r->name)) return r;
    const ChinaRegion* found = nullptr;
    for (const ChinaRegion* r : candidates)
        if (short_region_name(r->name).rfind(key, 0) == 0) {
            if (found) return nullptr;
            found = r;
        }
    return key.empty() ? nullptr : found;
}

}  // namespace

OfficialRegion resolve_region(std::string_view province, std::string_view city) {
    province = trimmed(province);
    city = trimmed(city);
    std::vector<const ChinaRegion*> provinces;
    for (const ChinaRegion& p : china_provinces())
        provinces.push_back(&p);
    const ChinaRegion* p = find(province, provinces);
    if (!p)
        throw InvalidInput(trf("\"{0}\" is not a province of China (GB/T 2260). Did you mean: {1}?",
                               std::string(province), closest(province, provinces)));
    OfficialRegion out{p->name, ""};
    if (city.empty()) return out;
    std::vector<const ChinaRegion*> cities;
    for (const ChinaRegion& c : china_cities())
        if (c.code / 10000 == p->code / 10000) cities.push_back(&c);
    const ChinaRegion* c = find(city, cities);
    if (!c) {
        if (cities.empty())
            throw InvalidInput(
                trf("{0} has no cities in the list (GB/T 2260): give the province "
                    "alone",
                    out.province));
        throw InvalidInput(trf("\"{0}\" is not a city of {1} (GB/T 2260). Did you mean: {2}?",
                               std::string(city), out.province, closest(city, cities)));
    }
    out.city = c->name;
    return out;
}

std::string resolve_city(std::string_view city) {
    city = trimmed(city);
    std::vector<const ChinaRegion*> cities;
    for (const ChinaRegion& c : china_cities())
        cities.push_back(&c);
    const ChinaRegion* c = find(city, cities);
    if (!c)
        throw InvalidInput(trf("\"{0}\" is not a city of China (GB/T 2260). Did you mean: {1}?",
                               std::string(city), closest(city, cities)));
    return c->name;
}

}  // namespace dj
