#include "core/base/audit_action.h"

#include <array>
#include <utility>

#include "core/base/translate.h"

namespace dj {
namespace {

constexpr std::array<std::pair<std::string_view, const char*>, 76> kActions{{
    {"alert.ack", tr_noop("Alert acknowledged")},
    {"alert.snooze", tr_noop("Alert snoozed")},
    {"db.init", tr_noop("Shop file created")},
    {"demo.build", tr_noop("Demo shop built")},
    {"demo.waybills", tr_noop("Demo waybills made")},
    {"intercept.create", tr_noop("Intercept created")},
    {"intercept.lift", tr_noop("Intercept lifted")},
    {"location.add", tr_noop("Location added")},
    {"mapping.save", tr_noop("Listing mapped to SKUs")},
    {"notify.add", tr_noop("Notification channel added")},
    {"notify.test", tr_noop("Notification channel tested")},
    {"order.hold", tr_noop("Order held")},
    {"order.merge", tr_noop("Orders merged into one parcel")},
    {"order.note", tr_noop("Order note changed")},
    {"order.priority", tr_noop("Order priority changed")},
    {"order.relabel", tr_noop("Order's waybill replaced")},
    {"order.release", tr_noop("Order released")},
    {"order.ship", tr_noop("Order shipped")},
    {"order.ship.part", tr_noop("Part of an order shipped")},
    {"order.split", tr_noop("Order split")},
    {"order.unmerge", tr_noop("Merged parcel undone")},
    {"order.unsplit", tr_noop("Split undone")},
    {"order.waybill", tr_noop("Waybill number given")},
    {"order.waybill.release", tr_noop("Waybill number released")},
    {"orders.allocate", tr_noop("Stock reserved for orders")},
    {"orders.export", tr_noop("Orders exported with buyers' data")},
    {"orders.import", tr_noop("Orders imported")},
    {"orders.review", tr_noop("Orders reviewed by the rules")},
    {"outbox.retry", tr_noop("Platform updates retried")},
    {"period.close", tr_noop("Month closed")},
    {"period.reopen", tr_noop("Month reopened")},
    {"po.cancel", tr_noop("Purchase order cancelled")},
    {"po.close", tr_noop("Purchase order closed")},
    {"po.create", tr_noop("Purchase order created")},
    {"po.receive", tr_noop("Purchase received")},
    {"print.printer", tr_noop("Printer used")},
    {"printer.choose", tr_noop("Printer chosen")},
    {"role.save", tr_noop("Role saved")},
    {"rule.delete", tr_noop("Rule deleted")},
    {"rule.disable", tr_noop("Rule turned off")},
    {"rule.enable", tr_noop("Rule turned on")},
    {"rule.import", tr_noop("Rule imported")},
    {"shop.reset_key", tr_noop("Shop key reset, secrets cleared")},
    {"shop.count_check", tr_noop("Share of a count that asks for a second check set")},
    {"shop.min_ship_days", tr_noop("Shop's minimum shelf life to ship set")},
    {"shop.moved", tr_noop("Shop moved to another database")},
    {"shop.name", tr_noop("Shop renamed")},
    {"sku.add", tr_noop("SKU added")},
    {"sku.edit", tr_noop("SKU changed")},
    {"sku.import", tr_noop("Catalogue imported")},
    {"sku.min_ship_days", tr_noop("SKU's minimum shelf life to ship set")},
    {"sku.price", tr_noop("Reference price changed")},
    {"sku.supplier", tr_noop("SKU's supplier changed")},
    {"store.connect", tr_noop("Store credentials saved")},
    {"store.save", tr_noop("Store saved")},
    {"store.split_policy", tr_noop("Store's split policy set")},
    {"supplier.save", tr_noop("Supplier saved")},
    {"sync.store", tr_noop("Store synchronised")},
    {"threshold.set", tr_noop("Stock alert threshold set")},
    {"user.add", tr_noop("User added")},
    {"user.api_token", tr_noop("API token issued")},
    {"user.badge", tr_noop("Badge and PIN set")},
    {"user.disable", tr_noop("User disabled")},
    {"user.login", tr_noop("Logged in")},
    {"user.login_failed", tr_noop("Login failed")},
    {"user.password", tr_noop("Password changed")},
    {"user.second_check", tr_noop("Password confirmed again")},
    {"user.second_check_failed", tr_noop("Password confirmation failed")},
    {"warehouse.add", tr_noop("Warehouse added")},
    {"warehouse.receiving", tr_noop("Receiving location set")},
    {"wave.close", tr_noop("Wave closed")},
    {"wave.create", tr_noop("Wave created")},
    {"waybill.account", tr_noop("Waybill account saved")},
    {"waybill.cancel", tr_noop("Waybill cancelled")},
    {"waybill.fetch", tr_noop("E-waybill fetched")},
    {"waybill.reprint", tr_noop("Waybill reprinted")},
}};

constexpr std::array<std::pair<std::string_view, const char*>, 22> kGroups{{
    {"order", tr_noop("Orders")},
    {"rule", tr_noop("Order rules")},
    {"intercept", tr_noop("Intercepts")},
    {"wave", tr_noop("Waves")},
    {"waybill", tr_noop("Waybills")},
    {"print", tr_noop("Printers")},
    {"sku", tr_noop("SKUs")},
    {"mapping", tr_noop("Listings")},
    {"supplier", tr_noop("Suppliers")},
    {"po", tr_noop("Purchase orders")},
    {"period", tr_noop("Months")},
    {"store", tr_noop("Stores")},
    {"sync", tr_noop("Synchronisation")},
    {"outbox", tr_noop("Platform updates")},
    {"shop", tr_noop("Shop")},
    {"warehouse", tr_noop("Warehouses")},
    {"location", tr_noop("Locations")},
    {"alert", tr_noop("Alerts")},
    {"threshold", tr_noop("Alert thresholds")},
    {"notify", tr_noop("Notifications")},
    {"user", tr_noop("Users and logins")},
    {"role", tr_noop("Roles")},
}};

}  // namespace

std::string audit_action_name(std::string_view code) {
    for (const auto& [c, msgid] : kActions)
        if (c == code) return tr(msgid);
    return std::string(code);
}

std::vector<AuditActionGroup> audit_action_groups() {
    std::vector<AuditActionGroup> out;
    for (const auto& [prefix, msgid] : kGroups)
        out.push_back({std::string(prefix), tr(msgid)});
    return out;
}

}  // namespace dj
