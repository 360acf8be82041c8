#include "core/base/permission.h"

#include <array>

#include "core/base/error.h"
#include "core/base/text.h"
#include "core/base/translate.h"

namespace dj {
namespace {

struct PermissionInfo {
    Permission permission;
    const char* code;
    const char* name;
};

constexpr std::array<PermissionInfo, kPermissionCount> kPermissions{{
    {Permission::SeeCosts, "costs.see", tr_noop("see costs and stock values")},
    {Permission::SeeBuyers, "buyers.see", tr_noop("see buyers' full data")},
    {Permission::ExportBuyers, "buyers.export", tr_noop("export buyer data")},
    {Permission::EditCatalogue, "catalogue.edit", tr_noop("change the catalogue")},
    {Permission::EditPrices, "prices.edit", tr_noop("change costs and prices")},
    {Permission::MoveStock, "stock.move", tr_noop("move stock")},
    {Permission::CountStock, "stock.count", tr_noop("count stock")},
    {Permission::ManageOrders, "orders.manage", tr_noop("manage orders")},
    {Permission::EditRules, "rules.edit", tr_noop("change order rules and intercepts")},
    {Permission::LiftIntercepts, "intercepts.lift", tr_noop("lift intercepts")},
    {Permission::Fulfil, "orders.fulfil", tr_noop("pick, pack and ship")},
    {Permission::SyncStores, "stores.sync", tr_noop("sync stores")},
    {Permission::ManageStores, "stores.manage", tr_noop("manage stores and their secrets")},
    {Permission::SetUpShop, "shop.setup", tr_noop("set up the shop")},
    {Permission::HandleAlerts, "alerts.handle", tr_noop("handle alerts")},
    {Permission::Purchase, "purchase", tr_noop("purchase")},
    {Permission::ClosePeriods, "periods.close", tr_noop("close months")},
    {Permission::ReopenPeriods, "periods.reopen", tr_noop("reopen months")},
    {Permission::SeeReports, "reports.see", tr_noop("see month-end reports")},
    {Permission::ManageUsers, "users.manage", tr_noop("manage users and roles")},
    {Permission::SeeAudit, "audit.see", tr_noop("see the audit log")},
}};

const PermissionInfo& info(Permission permission) {
    return kPermissions.at(static_cast<std::size_t>(permission));
}

}  // namespace

std::vector<Permission> all_permissions() {
    std::vector<Permission> out;
    for (const PermissionInfo& p : kPermissions)
        out.push_back(p.permission);
    return out;
}

std::string_view permission_code(Permission permission) {
    return info(permission).code;
}

std::optional<Permission> permission_from_code(std::string_view code) {
    for (const PermissionInfo& p : kPermissions)
        if (code == p.code) return p.permission;
    return std::nullopt;
}

std::string permission_name(Permission permission) {
    return tr(info(permission).name);
}

Permissions parse_permissions(std::string_view codes) {
    Permissions out;
    for (const std::string& code : split_list(codes)) {
        auto p = permission_from_code(code);
        if (!p) {
            std::string known;
            for (const PermissionInfo& i : kPermissions)
                known += (known.empty() ? "" : ", ") + std::string(i.code);
            throw InvalidInput(
                trf("Unknown permission \"{0}\"; the permissions are: {1}", code, known));
        }
        out.set(static_cast<std::size_t>(*p));
    }
    return out;
}

std::string permission_codes(const Permissions& permissions) {
    std::string out;
    for (const PermissionInfo& p : kPermissions)
        if (permissions.test(static_cast<std::size_t>(p.permission)))
            out += (out.empty() ? "" : ",") + std::string(p.code);
    return out;
}

}  // namespace dj
