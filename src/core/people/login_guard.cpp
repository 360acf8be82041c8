#include "core/people/login_guard.h"

#include <algorithm>

#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/base/text.h"
#include "core/base/translate.h"

namespace dj::login_guard {

Timestamp lock_seconds(int failures) {
    if (failures < kFreeAttempts) return 0;
    constexpr Timestamp kDay = 24 * 60 * 60;
    int doublings = std::min(failures - kFreeAttempts, 20);
    return std::min<Timestamp>(Timestamp{30} << doublings, kDay);
}

bool second_check_fresh(Timestamp checked_at, Timestamp now) {
    return checked_at > 0 && now >= checked_at && now - checked_at <= kSecondCheckSeconds;
}

bool count_needs_second_check(Qty before, Qty change, int percent) {
    Qty size = change < 0 ? -change : change;
    Qty base = before < 0 ? -before : before;
    // Quantities are limited far below the overflow of these products (core/base/limits.h), and
    // the share to kMaxCountCheckPercent.
    return size * 100 > base * percent;
}

void check_user_name(std::string_view name) {
    if (trimmed(name).size() != name.size() || name.empty())
        throw InvalidInput(tr("A user name cannot be empty or start or end with a space"));
    require_text(name, kMaxCodeLength, tr("the user name"));
    if (name.find(',') != std::string_view::npos)
        throw InvalidInput(trf("User name \"{0}\": a comma is not allowed in it", name));
}

void check_password(std::string_view password) {
    // Characters, not bytes: a Chinese pass phrase counts by what was typed.
    std::size_t chars = std::count_if(password.begin(), password.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    });
    if (chars < 8) throw InvalidInput(tr("A password needs at least 8 characters"));
    if (password.size() > 128) throw InvalidInput(tr("A password may have at most 128 bytes"));
}

void check_pin(std::string_view pin) {
    bool digits = std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || pin.size() < 4 || pin.size() > 8)
        throw InvalidInput(tr("A PIN is 4 to 8 digits"));
}

}  // namespace dj::login_guard
