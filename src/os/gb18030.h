#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dj::os {

// GB18030 text (a superset of GBK and GB2312, what Excel saves on Chinese Windows) as UTF-8;
// nothing when `bytes` is not valid GB18030.
std::optional<std::string> utf8_from_gb18030(std::string_view bytes);

}  // namespace dj::os
