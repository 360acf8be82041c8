#include "core/alerts/alert_text.h"

#include <array>
#include <optional>

#include "core/base/clock.h"
#include "core/base/translate.h"

namespace dj {
namespace {

// The values of `names`, or nothing when one is missing (text from an older version).
template <std::size_t N>
std::optional<std::array<std::string, N>> figures_of(std::string_view figures,
                                                     const std::array<std::string_view, N>& names) {
    std::array<std::string, N> values;
    for (std::size_t i = 0; i < N; ++i) {
        auto v = alert_figure(figures, names[i]);
        if (!v) return std::nullopt;
        values[i] = std::move(*v);
    }
    return values;
}

std::optional<std::string> render(AlertKind kind, std::string_view f) {
    using A2 = std::array<std::string_view, 2>;
    using A3 = std::array<std::string_view, 3>;
    switch (kind) {
        case AlertKind::low_stock:
            if (auto v = figures_of(f, A2{"available", "reorder_point"}))
                return trf("available {0} at or below reorder point {1}", (*v)[0], (*v)[1]);
            break;
        case AlertKind::out_of_stock:
            if (auto v = figures_of(f, A3{"available", "short_units", "shipped"}))
                return trf("available {0}; {1} units waiting, {2} shipped in 28 days", (*v)[0],
                           (*v)[1], (*v)[2]);
            break;
        case AlertKind::overstock:
            if (auto v = figures_of(f, A2{"on_hand", "max"}))
                return trf("on hand {0} above maximum {1}", (*v)[0], (*v)[1]);
            break;
        case AlertKind::expiring:
            if (auto v = figures_of(f, A3{"units", "first_expiry", "within_days"}))
                return trf("{0} units expire by {1} (within {2} days)", (*v)[0], (*v)[1], (*v)[2]);
            break;
        case AlertKind::expired:
            if (auto v = figures_of(f, A3{"units", "first_expiry", "batches"}))
                return trf(
                    "{0} units past expiry in stock, not available: batch {2} (earliest "
                    "{1}); scrap them",
                    (*v)[0], (*v)[1], (*v)[2]);
            if (auto v = figures_of(f, A2{"units", "first_expiry"}))
                return trf("{0} units past expiry (earliest {1}) in stock", (*v)[0], (*v)[1]);
            break;
        case AlertKind::stagnant:
            if (auto v = figures_of(f, A2{"days", "on_hand"}))
                return trf("nothing shipped for {0} days, {1} on hand", (*v)[0], (*v)[1]);
            break;
        case AlertKind::count_loss:
            if (auto v = figures_of(f, A3{"loss", "on_hand_before", "percent"}))
                return trf("a count took {0} of {1} on hand (over {2} %)", (*v)[0], (*v)[1],
                           (*v)[2]);
            break;
        case AlertKind::oversold:
            if (auto v = figures_of(f, A2{"orders", "units"}))
                return trf("{0} orders short of {1} units", (*v)[0], (*v)[1]);
            break;
    }
    return std::nullopt;
}

}  // namespace

std::string alert_kind_label(AlertKind kind) {
    switch (kind) {
        case AlertKind::low_stock:
            return tr("Low stock");
        case AlertKind::out_of_stock:
            return tr("Out of stock");
        case AlertKind::overstock:
            return tr("Overstock");
        case AlertKind::expiring:
            return tr("Batch expiring");
        case AlertKind::expired:
            return tr("Batch expired");
        case AlertKind::stagnant:
            return tr("Stagnant stock");
        case AlertKind::count_loss:
            return tr("Large count loss");
        case AlertKind::oversold:
            return tr("Oversold");
    }
    return {};
}

std::string alert_detail_text(AlertKind kind, std::string_view figures) {
    if (auto text = render(kind, figures)) return *text;
    return std::string(figures);
}

NotificationText alert_notification(const Alert& alert) {
    return {trf("[Dianjia stock alert] {0}: SKU {1} in warehouse {2}", alert_kind_label(alert.kind),
                alert.sku, alert.warehouse),
            trf("{0} (since {1})", alert_detail_text(alert.kind, alert.figures),
                format_shop_time(alert.opened_at))};
}

std::string join_notification(const NotificationText& n) {
    return n.title + "\n" + n.body;
}

NotificationText split_notification(std::string_view text) {
    std::size_t lf = text.find('\n');
    if (lf == std::string_view::npos) return {std::string(text), std::string(text)};
    return {std::string(text.substr(0, lf)), std::string(text.substr(lf + 1))};
}

}  // namespace dj
