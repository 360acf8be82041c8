#include "core/base/platform.h"

#include <array>

#include "core/base/error.h"
#include "core/base/translate.h"

namespace dj {
namespace {
constexpr std::array<std::pair<Platform, std::string_view>, 4> kCodes{{
    {Platform::taobao, "taobao"},
    {Platform::jd, "jd"},
    {Platform::pinduoduo, "pinduoduo"},
    {Platform::douyin, "douyin"},
}};
}  // namespace

std::string_view platform_code(Platform p) {
    for (const auto& [platform, code] : kCodes)
        if (platform == p) return code;
    return "unknown";
}

std::optional<Platform> platform_from_code(std::string_view code) {
    for (const auto& [platform, c] : kCodes)
        if (c == code) return platform;
    return std::nullopt;
}

Platform parse_platform(std::string_view code) {
    if (auto p = platform_from_code(code)) return *p;
    throw InvalidInput(trf("Unknown platform \"{0}\" (use taobao, jd, pinduoduo or douyin)", code));
}

std::string platform_name(Platform p) {
    switch (p) {
        case Platform::taobao:
            return tr("Taobao/Tmall");
        case Platform::jd:
            return tr("JD");
        case Platform::pinduoduo:
            return tr("Pinduoduo");
        case Platform::douyin:
            return tr("Douyin");
    }
    return std::string(platform_code(p));
}

}  // namespace dj
