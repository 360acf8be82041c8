#include "reports/audit_document.h"

#include "core/base/audit_action.h"
#include "core/base/clock.h"
#include "core/base/role.h"
#include "core/base/translate.h"

namespace dj::reports {

ReportDocument audit_document(const std::vector<AuditEntry>& entries, const std::string& shop,
                              Timestamp generated_at) {
    ReportDocument doc;
    doc.title = tr("Audit log");
    doc.shop = shop;
    doc.period = entries.empty() ? std::string()
                                 : trf("{0} to {1}", format_shop_time(entries.back().at),
                                       format_shop_time(entries.front().at));
    doc.generated = format_shop_time(generated_at);
    doc.generated_at = generated_at;
    doc.columns = {{"at", tr("Time"), ColumnKind::text, 32},
                   {"user", tr("User"), ColumnKind::text, 22},
                   {"role", tr("Role"), ColumnKind::text, 18},
                   {"workstation", tr("Workstation"), ColumnKind::text, 24},
                   {"action", tr("Action"), ColumnKind::text, 28},
                   {"subject", tr("Subject"), ColumnKind::text, 40},
                   {"detail", tr("Detail"), ColumnKind::text, 90}};
    ReportSection section;
    section.sheet_name = tr("Audit log");
    for (const AuditEntry& e : entries)
        section.rows.push_back(
            {ReportCell::str(format_shop_time(e.at)), ReportCell::str(e.actor.user),
             ReportCell::str(role_name(e.actor.role)), ReportCell::str(e.actor.workstation),
             ReportCell::str(audit_action_name(e.action)), ReportCell::str(e.subject),
             ReportCell::str(e.detail)});
    doc.sections.push_back(std::move(section));
    return doc;
}

}  // namespace dj::reports
