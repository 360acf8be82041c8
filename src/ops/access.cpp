#include "ops/access.h"

#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/joined.h"
#include "core/base/translate.h"
#include "core/people/login_guard.h"
#include "store/base/database.h"
#include "store/base/shop_profile.h"
#include "store/people/user_repository.h"

namespace dj::ops {

void require(const Actor& actor, Permission permission) {
    if (actor.may(permission)) return;
    throw Refused(trf("{0} ({1}) may not {2}: that needs the permission \"{3}\"; ask the owner.",
                      actor.user, role_name(actor.role), permission_name(permission),
                      permission_code(permission)));
}

void require_warehouse(const Actor& actor, const std::string& warehouse) {
    if (actor.works_in(warehouse)) return;
    throw Refused(trf("{0} works only in warehouses {1}, not in {2}: ask the owner.", actor.user,
                      joined(actor.warehouses), warehouse));
}

void require_second_check(Database& db, const Actor& actor, const std::string& what) {
    if (actor.role == "system") return;
    std::optional<StoredUser> user = find_user(db, actor.user);
    if (!user) {
        if (!any_user(db)) return;
        throw NotLoggedIn(trf("{0} is not a user of this shop: log in first", actor.user));
    }
    Timestamp at = second_check_at(db, user->user.id, actor.workstation);
    if (login_guard::second_check_fresh(at, db.clock().now())) return;
    throw SecondCheckNeeded(trf(
        "{0} needs {1}'s password again (a second check, good for 5 minutes).", what, actor.user));
}

int count_check_percent(Database& db) {
    return static_cast<int>(
        shop_setting(db, "count_check_percent").value_or(login_guard::kDefaultCountCheckPercent));
}

}  // namespace dj::ops
