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

std::string movement_kind_name(MovementKind k) {
    switch (k) {
        case MovementKind::receive:
            return tr("Received");
        case MovementKind::ship:
            return tr("Shipped");
        case MovementKind::transfer_out:
            return tr("Transferred out");
        case MovementKind::transfer_in:
            return tr("Transferred in");
        case MovementKind::count_adjust:
            return tr("Count adjustment");
        case MovementKind::customer_return:
            return tr("Customer return");
        case MovementKind::scrap:
            return tr("Scrapped");
        case MovementKind::relocate:
            return tr("Put away");
    }
    return std::string(movement_kind_code(k));
}

}  // namespace dj
