#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/base/error.h"
#include "core/base/types.h"

namespace dj {

// What any number or text that enters the shop may be (CLI, window, CSV, JSON, platform
// answers). Far above what a small shop meets, far below where 64-bit arithmetic on quantities
// and fen could overflow: a movement's value (qty × unit cost) stays below 10^15 fen.
inline constexpr Qty kMaxQty = 10'000'000;              // one movement, count or order line
inline constexpr Fen kMaxUnitPrice = 100'000'000;       // 1,000,000.00 yuan per unit
inline constexpr Fen kMaxOrderAmount = 10'000'000'000;  // 100,000,000.00 yuan per order
inline constexpr int kMaxShelfLifeDays = 36'500;        // 100 years
inline constexpr int kMaxWeightGrams = 10'000'000;      // 10 tonnes
inline constexpr std::size_t kMaxCodeLength = 64;       // ids, codes, tracking numbers
inline constexpr std::size_t kMaxNameLength = 200;      // names, titles, specs
inline constexpr std::size_t kMaxTextLength = 2'000;    // notes, memos, addresses
inline constexpr std::size_t kMaxOrderLines = 1'000;
// Times a shop's record may carry: 2000-01-01 to 2099-12-31 (UTC).
inline constexpr Timestamp kEarliestTime = 946'684'800;
inline constexpr Timestamp kLatestTime = 4'102'444'799;

// A number beyond what the program can hold: refused with the record it concerns.
class Overflow : public InvalidInput {
  public:
    using InvalidInput::InvalidInput;
};

// a + b and a × b, or Overflow naming `what` (a SKU's stock, an order's amount...).
std::int64_t add_checked(std::int64_t a, std::int64_t b, std::string_view what);
std::int64_t mul_checked(std::int64_t a, std::int64_t b, std::string_view what);

// InvalidInput "{what} must be between {lo} and {hi}, got {value}" when out of range.
void require_range(std::int64_t value, std::int64_t lo, std::int64_t hi, std::string_view what);
// Money given in fen, shown in yuan in the message.
void require_money(Fen value, Fen lo, Fen hi, std::string_view what);
// Valid UTF-8 without control characters (tabs and line ends allowed where `multiline`), at
// most `max_chars` characters.
void require_text(std::string_view text, std::size_t max_chars, std::string_view what,
                  bool multiline = false);
// Whether require_text would accept it, without naming anything: for hot paths, which build
// the name (and translate it) only for a refusal.
bool fits_text(std::string_view text, std::size_t max_chars, bool multiline = false);
// Between kEarliestTime and kLatestTime.
void require_time(Timestamp t, std::string_view what);

}  // namespace dj
