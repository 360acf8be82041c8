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

const char* platform_msgid(Platform p) {
    switch (p) {
        case Platform::taobao:
            return tr_noop("Taobao/Tmall");
        case Platform::jd:
            return tr_noop("JD");
        case Platform::pinduoduo:
            return tr_noop("Pinduoduo");
        case Platform::douyin:
            return tr_noop("Douyin");
    }
    return "";
}

std::string platform_name(Platform s) {
    const char* msgid = platform_msgid(s);
    return *msgid ? tr(msgid) : std::string(platform_code(s));
}

}  // namespace dj
