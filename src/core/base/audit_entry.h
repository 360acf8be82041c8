#pragma once

#include <string>

#include "core/base/actor.h"
#include "core/base/types.h"

namespace dj {

// One line of the audit log: who changed what, when, on which workstation. The log is
// append-only, like the ledger.
struct AuditEntry {
    Id id = 0;
    Timestamp at = 0;
    Actor actor;
    std::string action;   // e.g. "sku.import", "warehouse.add"
    std::string subject;  // the record, e.g. a SKU code
    std::string detail;   // what changed, old → new where the change has both
};

}  // namespace dj
