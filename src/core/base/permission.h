#pragma once

#include <bitset>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dj {

// What a person may do. Every use case asks for one (ops/access.h); a role is a set of them.
// The codes are stored (custom roles) and typed (`role add --permissions`): never renamed.
enum class Permission {
    SeeCosts,        // cost prices, stock values, supplier prices, month-end values
    SeeBuyers,       // buyers' full names, phones and addresses
    ExportBuyers,    // buyer data in a file (second check)
    EditCatalogue,   // SKUs, barcodes, listings' mapping, catalogue import
    EditPrices,      // costs and prices (second check)
    MoveStock,       // receive, ship, transfer, return, scrap
    CountStock,      // stock counts (a large change asks for a second check)
    ManageOrders,    // holds, notes, priorities, merges, splits, imports, allocation
    EditRules,       // order rules and intercepts
    LiftIntercepts,  // lifting an intercept (second check)
    Fulfil,          // waves, pick sheets, waybills, packing, shipping
    SyncStores,      // pulling orders, sending the outbox
    ManageStores,    // stores, their secrets (second check) and carrier accounts
    SetUpShop,     // shop name, warehouses, locations, printers, alert rules, notification channels
    HandleAlerts,  // acknowledging and snoozing alerts
    Purchase,      // suppliers, purchase orders, restock approval, receiving purchases
    ClosePeriods,  // closing months
    ReopenPeriods,  // reopening months (second check)
    SeeReports,     // month-end reports
    ManageUsers,    // users, roles and their warehouses (second check)
    SeeAudit,       // the audit log
    Count_
};

constexpr std::size_t kPermissionCount = static_cast<std::size_t>(Permission::Count_);

using Permissions = std::bitset<kPermissionCount>;

// Every permission, in the order above.
std::vector<Permission> all_permissions();
// The stored code, e.g. "stock.move".
std::string_view permission_code(Permission permission);
std::optional<Permission> permission_from_code(std::string_view code);
// What a person is shown (translated), e.g. "move stock".
std::string permission_name(Permission permission);

// "stock.move,stock.count" ↔ the set; InvalidInput naming an unknown code and listing the known.
Permissions parse_permissions(std::string_view codes);
std::string permission_codes(const Permissions& permissions);

}  // namespace dj
