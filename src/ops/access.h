#pragma once

#include <string>

#include "core/base/actor.h"
#include "core/base/permission.h"

namespace dj {
class Database;
}

// What every use case asks before it does anything: the actor's role has the permission, the
// warehouse is one the actor works in, and (for sensitive acts) the password was typed again.
// The window, the CLI and any later front end get the same answers.
namespace dj::ops {

// Refused, naming the user, their role and the permission, unless the actor has it.
void require(const Actor& actor, Permission permission);
// Refused unless the actor works in the warehouse (by code).
void require_warehouse(const Actor& actor, const std::string& warehouse);
// SecondCheckNeeded unless the actor typed their password again (confirm_password) in the last
// five minutes on this workstation. A shop without users, and the program's own work, need none.
// `what` says what asks for it ("reopening month 2026-10").
void require_second_check(Database& db, const Actor& actor, const std::string& what);
// The share of on hand (in %) a stock count may change before it asks for a second check.
int count_check_percent(Database& db);

}  // namespace dj::ops
