#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/base/types.h"

namespace dj {

// The stock conditions a person is warned about. Codes are fixed (JSON, database).
enum class AlertKind {
    low_stock,     // available ≤ reorder point
    out_of_stock,  // available ≤ 0 while there is demand
    overstock,     // on hand > the maximum set for it
    expiring,      // a batch in stock expires within N days
    expired,       // a batch past its expiry is still in stock
    stagnant,      // nothing shipped for N days while on hand > 0
    count_loss,    // a stock count took away more than X % of on hand
    oversold,      // orders wait that stock cannot cover
};
inline constexpr int kAlertKindCount = 8;

std::string_view alert_kind_code(AlertKind k);
std::optional<AlertKind> parse_alert_kind(std::string_view code);

// open → acknowledged → resolved; resolved is final (a new occurrence is a new alert).
enum class AlertStatus { open, acknowledged, resolved };

std::string_view alert_status_code(AlertStatus s);
std::string alert_status_name(AlertStatus s);  // in the interface language
std::optional<AlertStatus> parse_alert_status(std::string_view code);

// The figures that raised an alert, by name, stored as "available=3;reorder_point=5" rather than
// as a sentence, so each viewer reads them in its own language (core/alerts/alert_text.h).
using AlertFigure = std::pair<std::string_view, std::string>;
std::string format_alert_figures(std::initializer_list<AlertFigure> figures);
// The value stored under `name`, or nothing.
std::optional<std::string> alert_figure(std::string_view figures, std::string_view name);

struct Alert {
    Id id = 0;
    AlertKind kind = AlertKind::low_stock;
    Id sku_id = 0;
    Id warehouse_id = 0;
    std::string sku;        // code
    std::string warehouse;  // code
    AlertStatus status = AlertStatus::open;
    std::string figures;  // what raised it, as last evaluated (format_alert_figures)
    Timestamp opened_at = 0;
    Timestamp updated_at = 0;
    std::optional<Timestamp> acknowledged_at;
    std::string acknowledged_by;
    std::optional<Timestamp> snoozed_until;
    std::optional<Timestamp> resolved_at;
};

}  // namespace dj
