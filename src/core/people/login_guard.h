#pragma once

#include <string>
#include <string_view>

#include "core/base/types.h"

// The rules of logging in: what a user name, a password and a PIN must be, how long a user is
// locked after wrong attempts, how long a typed-again password counts as a second check.
namespace dj::login_guard {

// Attempts allowed in a row before each further wrong one locks the user.
inline constexpr int kFreeAttempts = 5;
// A password typed again counts as the second check this long.
inline constexpr Timestamp kSecondCheckSeconds = 5 * 60;
// A CLI session (dianjia-cli login) lasts this long.
inline constexpr Timestamp kSessionSeconds = 12 * 60 * 60;

// The lock after the `failures`-th wrong attempt in a row: none up to kFreeAttempts - 1, then
// 30 seconds at the fifth, doubling with each further one, at most a day.
Timestamp lock_seconds(int failures);

// A second check made at `checked_at` still counts at `now`.
bool second_check_fresh(Timestamp checked_at, Timestamp now);

// A stock count that changes on hand by more than `percent` of it asks for a second check; the
// shop sets the share (ops::set_count_check_percent), 20 % until it does.
inline constexpr int kDefaultCountCheckPercent = 20;
inline constexpr int kMaxCountCheckPercent = 1000;
bool count_needs_second_check(Qty before, Qty change, int percent);

// InvalidInput saying what is wrong with it.
void check_user_name(std::string_view name);
// At least 8 characters, at most 128.
void check_password(std::string_view password);
// 4 to 8 digits.
void check_pin(std::string_view pin);

}  // namespace dj::login_guard
