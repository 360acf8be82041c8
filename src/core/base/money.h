#pragma once

#include <string>
#include <string_view>

#include "core/base/types.h"

namespace dj {

// "12.50" -> 1250. At most two decimals; anything else is refused, never rounded.
// Throws InvalidInput naming `what` (the field) and the text.
Fen parse_yuan(std::string_view text, std::string_view what);

// 1250 -> "12.50", -5 -> "-0.05".
std::string format_yuan(Fen fen);

// a * b / c rounded to the nearest integer, halves away from zero, without overflow in the
// product; c must not be 0.
std::int64_t mul_div_rounded(std::int64_t a, std::int64_t b, std::int64_t c);

}  // namespace dj
