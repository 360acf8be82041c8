#include "core/orders/order.h"

#include <array>

#include "core/base/error.h"
#include "core/base/translate.h"

namespace dj {
namespace {
constexpr std::array<std::pair<OrderStatus, std::string_view>, 7> kStatuses{{
    {OrderStatus::pending_payment, "pending_payment"},
    {OrderStatus::to_ship, "to_ship"},
    {OrderStatus::shipped, "shipped"},
    {OrderStatus::completed, "completed"},
    {OrderStatus::cancelled, "cancelled"},
    {OrderStatus::refund_requested, "refund_requested"},
    {OrderStatus::refunded, "refunded"},
}};
constexpr std::array<std::pair<Allocation, std::string_view>, 5> kAllocations{{
    {Allocation::none, "none"},
    {Allocation::allocated, "allocated"},
    {Allocation::short_stock, "short"},
    {Allocation::unmapped, "unmapped"},
    {Allocation::shipped, "shipped"},
}};
}  // namespace

std::string_view order_status_code(OrderStatus s) {
    for (const auto& [status, code] : kStatuses)
        if (status == s) return code;
    return "unknown";
}

const char* order_status_msgid(OrderStatus s) {
    switch (s) {
        case OrderStatus::pending_payment:
            return tr_noop("Awaiting payment");
        case OrderStatus::to_ship:
            return tr_noop("To ship");
        case OrderStatus::shipped:
            return tr_noop("Shipped");
        case OrderStatus::completed:
            return tr_noop("Completed");
        case OrderStatus::cancelled:
            return tr_noop("Cancelled");
        case OrderStatus::refund_requested:
            return tr_noop("Refund requested");
        case OrderStatus::refunded:
            return tr_noop("Refunded");
    }
    return "";
}

std::string order_status_name(OrderStatus s) {
    const char* msgid = order_status_msgid(s);
    return *msgid ? tr(msgid) : std::string(order_status_code(s));
}

std::optional<OrderStatus> order_status_from_code(std::string_view code) {
    for (const auto& [status, c] : kStatuses)
        if (c == code) return status;
    return std::nullopt;
}

OrderStatus parse_order_status(std::string_view code) {
    if (auto s = order_status_from_code(code)) return *s;
    throw InvalidInput(
        trf("Unknown order status \"{0}\" (use pending_payment, to_ship, shipped, completed, "
            "cancelled, refund_requested or refunded)",
            code));
}

bool order_status_holds_stock(OrderStatus s) {
    return s == OrderStatus::to_ship;
}

bool same_lines(const std::vector<OrderLine>& a, const std::vector<OrderLine>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].platform_sku_id != b[i].platform_sku_id || a[i].seller_code != b[i].seller_code ||
            a[i].title != b[i].title || a[i].quantity != b[i].quantity ||
            a[i].unit_price != b[i].unit_price || a[i].presale != b[i].presale)
            return false;
    }
    return true;
}

std::string_view allocation_code(Allocation a) {
    for (const auto& [allocation, code] : kAllocations)
        if (allocation == a) return code;
    return "none";
}

Allocation parse_allocation(std::string_view code) {
    for (const auto& [allocation, c] : kAllocations)
        if (c == code) return allocation;
    throw InvalidInput(trf("Unknown allocation state \"{0}\"", code));
}

std::string allocation_name(Allocation a) {
    switch (a) {
        case Allocation::allocated:
            return tr("Reserved");
        case Allocation::short_stock:
            return tr("Short of stock");
        case Allocation::unmapped:
            return tr("Unmapped SKU");
        case Allocation::shipped:
            return tr("Shipped");
        case Allocation::none:
            break;
    }
    return tr("Not held");
}

}  // namespace dj
