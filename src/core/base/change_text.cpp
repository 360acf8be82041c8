#include "core/base/change_text.h"

namespace dj {
namespace {

std::string shown(std::string_view value) {
    return value.empty() ? std::string("—") : std::string(value);
}

}  // namespace

std::string change_text(std::string_view before, std::string_view after) {
    if (before.empty()) return std::string(after);
    return shown(before) + " → " + shown(after);
}

void ChangeList::add(std::string_view field, std::string_view before, std::string_view after) {
    if (before == after) return;
    if (!text_.empty()) text_ += "; ";
    text_ += std::string(field) + ": " + shown(before) + " → " + shown(after);
}

}  // namespace dj
