#pragma once

#include <string>
#include <vector>

#include "core/base/audit_entry.h"
#include "reports/report_document.h"

namespace dj::reports {

// The audit log as a report (PDF, Excel, CSV): time in shop time, user, role, workstation,
// action, subject, detail; newest first as given.
ReportDocument audit_document(const std::vector<AuditEntry>& entries, const std::string& shop,
                              Timestamp generated_at);

}  // namespace dj::reports
