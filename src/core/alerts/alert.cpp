#include "core/alerts/alert.h"

#include <array>

#include "core/base/translate.h"

namespace dj {
namespace {

constexpr std::array<std::string_view, kAlertKindCount> kKindCodes{
    "low_stock", "out_of_stock", "overstock",  "expiring",
    "expired",   "stagnant",     "count_loss", "oversold"};
constexpr std::array<std::string_view, 3> kStatusCodes{"open", "acknowledged", "resolved"};

}  // namespace

std::string_view alert_kind_code(AlertKind k) {
    return kKindCodes[static_cast<std::size_t>(k)];
}

std::optional<AlertKind> parse_alert_kind(std::string_view code) {
    for (std::size_t i = 0; i < kKindCodes.size(); ++i)
        if (kKindCodes[i] == code) return static_cast<AlertKind>(i);
    return std::nullopt;
}

std::string_view alert_status_code(AlertStatus s) {
    return kStatusCodes[static_cast<std::size_t>(s)];
}

std::optional<AlertStatus> parse_alert_status(std::string_view code) {
    for (std::size_t i = 0; i < kStatusCodes.size(); ++i)
        if (kStatusCodes[i] == code) return static_cast<AlertStatus>(i);
    return std::nullopt;
}

std::string format_alert_figures(std::initializer_list<AlertFigure> figures) {
    std::string out;
    for (const auto& [name, value] : figures) {
        if (!out.empty()) out += ';';
        out.append(name).append("=").append(value);
    }
    return out;
}

std::optional<std::string> alert_figure(std::string_view figures, std::string_view name) {
    while (!figures.empty()) {
        std::size_t end = figures.find(';');
        std::string_view part = figures.substr(0, end);
        std::size_t eq = part.find('=');
        if (eq != std::string_view::npos && part.substr(0, eq) == name)
            return std::string(part.substr(eq + 1));
        figures = end == std::string_view::npos ? std::string_view{} : figures.substr(end + 1);
    }
    return std::nullopt;
}

std::string alert_status_name(AlertStatus s) {
    switch (s) {
        case AlertStatus::open:
            return tr("Open");
        case AlertStatus::acknowledged:
            return tr("Acknowledged");
        case AlertStatus::resolved:
            break;
    }
    return tr("Resolved");
}

}  // namespace dj
