#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/base/permission.h"

namespace dj {

// The roles every shop has. A shop may add its own roles, each a list of permissions; these
// four (and "system", the program's own work: rules, timers) cannot be changed.
//   owner       everything
//   manager     the warehouse and the orders: stock, catalogue, purchases, rules, packing
//   packer      picking, packing and shipping; never costs, values or buyers' full data
//   accountant  reads everything; changes only months (closing, reopening) and reports
inline constexpr std::string_view kBuiltInRoles[] = {"owner", "manager", "packer", "accountant"};

bool is_built_in_role(std::string_view role);
// The permissions of a built-in role (or "system"); none for any other name.
Permissions role_permissions(std::string_view role);
// The role as a person reads it ("店主" for owner); a custom role's name as it is.
std::string role_name(std::string_view role);

}  // namespace dj
