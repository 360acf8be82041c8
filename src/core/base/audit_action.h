#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dj {

// The audit log's action codes ("sku.price") as people read them, in the interface language
// ("Reference price changed"). A code from a later version is shown as it is.
std::string audit_action_name(std::string_view code);

// What the audit screen filters by: a code's first part ("order" for order.hold and
// orders.import) and its name.
struct AuditActionGroup {
    std::string prefix;
    std::string name;
};
std::vector<AuditActionGroup> audit_action_groups();

}  // namespace dj
