#pragma once

#include <string>
#include <vector>

#include "core/base/permission.h"
#include "core/base/role.h"

namespace dj {

// Who changes data: every write carries one, and it is recorded with the change. The front ends
// get it from logging in (ops/users.h), so its permissions are those of the user's role.
struct Actor {
    std::string user;
    std::string role;  // owner, manager, packer, accountant, a custom role, or system
    std::string workstation;
    Permissions permissions = role_permissions(role);
    // The warehouse codes the user works in; empty for all.
    std::vector<std::string> warehouses = {};

    bool may(Permission p) const { return permissions.test(static_cast<std::size_t>(p)); }
    bool works_in(const std::string& warehouse) const;
};

}  // namespace dj
