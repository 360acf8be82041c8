#pragma once

#include <atomic>
#include <string>
#include <string_view>

#include "core/base/types.h"

namespace dj {

// Storage is UTC; people see shop time. Mainland China has one fixed offset and no DST.
constexpr int kShopUtcOffsetMinutes = 8 * 60;

// Where "now" comes from. Each program owns one (the wall clock, or DIANJIA_NOW) and hands it
// to what stamps or compares time; nothing below the programs reads the wall clock itself.
class Clock {
  public:
    virtual ~Clock() = default;
    virtual Timestamp now() const = 0;
};

// A clock that says what it is told: tests, and programs started with DIANJIA_NOW. Safe to
// read from several threads while one sets it.
class FixedClock : public Clock {
  public:
    explicit FixedClock(Timestamp t) : t_(t) {}
    Timestamp now() const override { return t_.load(); }
    void set(Timestamp t) { t_.store(t); }
    void advance(Timestamp seconds) { t_.fetch_add(seconds); }

  private:
    std::atomic<Timestamp> t_;
};

// "2026-11-24T05:04:16Z"
std::string format_utc(Timestamp t);
// "2026-11-24 13:04:16" in shop time.
std::string format_shop_time(Timestamp t);

// Accepts "YYYY-MM-DDTHH:MM:SS" followed by "Z" or "+HH:MM"/"-HH:MM", or "YYYY-MM-DD HH:MM:SS"
// (taken as shop time, as the platforms send it), or a bare "YYYY-MM-DD" (shop midnight).
// Throws InvalidInput naming `what`.
Timestamp parse_time(std::string_view text, std::string_view what);

// A calendar date "YYYY-MM-DD", validated (2026-02-30 is refused); returned unchanged.
std::string parse_date(std::string_view text, std::string_view what);

// Shop-time calendar date of a timestamp, "YYYY-MM-DD".
std::string shop_date(Timestamp t);

// Days since 1970-01-01 of a valid "YYYY-MM-DD".
long days_from_date(std::string_view date);
std::string date_from_days(long days);

}  // namespace dj
