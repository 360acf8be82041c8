#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/base/audit_entry.h"
#include "core/base/types.h"

namespace dj {

class Database;

// Records who changed what, for every change that is not itself a ledger movement.
void audit(Database& db, const Actor& actor, const std::string& action, const std::string& subject,
           const std::string& detail = {});

// Which entries to show: each field narrows (empty or none: any).
struct AuditFilter {
    std::string user = {};
    std::string action = {};                      // "period" matches period.close and period.reopen
    std::string text = {};                        // in the subject or the detail
    std::optional<Timestamp> from = {}, to = {};  // from ≤ at < to
    int limit = 100;                              // newest first
};
std::vector<AuditEntry> audit_entries(Database& db, const AuditFilter& filter = {});

}  // namespace dj
