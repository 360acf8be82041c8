#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dj {

enum class Platform { taobao, jd, pinduoduo, douyin };

std::string_view platform_code(Platform p);
std::optional<Platform> platform_from_code(std::string_view code);
// Throws InvalidInput naming the accepted codes.
Platform parse_platform(std::string_view code);
// 淘宝/天猫, 京东…: the platform as people call it, in the interface language.
std::string platform_name(Platform p);
// The same as a msgid for deferred text (core/base/deferred_text.h).
const char* platform_msgid(Platform s);

}  // namespace dj
