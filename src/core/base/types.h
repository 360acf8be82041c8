#pragma once

#include <cstdint>

namespace dj {

// Database row id; 0 means "not stored yet".
using Id = std::int64_t;
// Money in integer fen (1 yuan = 100 fen); never floating point.
using Fen = std::int64_t;
// Quantities are whole units.
using Qty = std::int64_t;
// Seconds since the Unix epoch, UTC.
using Timestamp = std::int64_t;

}  // namespace dj
