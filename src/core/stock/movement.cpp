#include "core/stock/movement.h"

#include <array>

#include "core/base/error.h"
#include "core/base/translate.h"

namespace dj {
namespace {
constexpr std::array<std::pair<MovementKind, std::string_view>, 8> kKinds{{
    {MovementKind::receive, "receive"},
    {MovementKind::ship, "ship"},
    {MovementKind::transfer_out, "transfer_out"},
    {MovementKind::transfer_in, "transfer_in"},
    {MovementKind::count_adjust, "count"},
    {MovementKind::customer_return, "return"},
    {MovementKind::scrap, "scrap"},
    {MovementKind::relocate, "move"},
}};
}  // namespace

std::string_view movement_kind_code(MovementKind k) {
    for (const auto& [kind, code] : kKinds)
        if (kind == k) return code;
    return "unknown";
}

MovementKind parse_movement_kind(std::string_view code) {
    for (const auto& [kind, c] : kKinds)
        if (c == code) return kind;
    throw InvalidInput(trf("Unknown movement kind \"{0}\"", code));
}

}  // namespace dj
