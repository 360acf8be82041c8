#pragma once

#include <string>
#include <string_view>

namespace dj {

// RFC 3986 percent-encoding of everything but the unreserved characters (letters, digits and
// -._~) and those in `keep`: "+" becomes %2B, "/" %2F. For query values, signatures and address
// parts.
std::string percent_encode(std::string_view text, std::string_view keep = {});

}  // namespace dj
