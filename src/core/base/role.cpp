#include "core/base/role.h"

#include "core/base/translate.h"

namespace dj {
namespace {

Permissions with(std::initializer_list<Permission> list) {
    Permissions out;
    for (Permission p : list)
        out.set(static_cast<std::size_t>(p));
    return out;
}

}  // namespace

bool is_built_in_role(std::string_view role) {
    for (std::string_view r : kBuiltInRoles)
        if (r == role) return true;
    return false;
}

Permissions role_permissions(std::string_view role) {
    using P = Permission;
    if (role == "owner" || role == "system") return Permissions().set();
    if (role == "manager")
        return with({P::SeeCosts, P::SeeBuyers, P::EditCatalogue, P::MoveStock, P::CountStock,
                     P::ManageOrders, P::EditRules, P::Fulfil, P::SyncStores, P::SetUpShop,
                     P::HandleAlerts, P::Purchase, P::SeeReports, P::SeeAudit});
    if (role == "packer") return with({P::Fulfil});
    if (role == "accountant")
        return with({P::SeeCosts, P::SeeBuyers, P::SeeReports, P::SeeAudit, P::ClosePeriods,
                     P::ReopenPeriods});
    return {};
}

std::string role_name(std::string_view role) {
    if (role == "owner") return tr("owner");
    if (role == "manager") return tr("warehouse manager");
    if (role == "packer") return tr("packer");
    if (role == "accountant") return tr("accountant");
    if (role == "system") return tr("the program");
    return std::string(role);
}

}  // namespace dj
