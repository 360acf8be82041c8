#include "store/base/audit_log.h"

#include "core/base/clock.h"
#include "store/base/database.h"
#include "store/base/sql.h"

namespace dj {

void audit(Database& db, const Actor& actor, const std::string& action, const std::string& subject,
           const std::string& detail) {
    sql::Statement& s = db.statement(
        "INSERT INTO audit_log(at, user, role, workstation, action, subject, detail) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, static_cast<int64_t>(db.clock().now()));
    s.bind(2, actor.user);
    s.bind(3, actor.role);
    s.bind(4, actor.workstation);
    s.bind(5, action);
    s.bind(6, subject);
    s.bind(7, detail);
    s.exec_deferred();
}

std::vector<AuditEntry> audit_entries(Database& db, int limit) {
    sql::Statement& s = db.statement(
        "SELECT id, at, user, role, workstation, action, subject, detail FROM audit_log "
        "ORDER BY id DESC LIMIT ?");
    s.bind(1, limit);
    std::vector<AuditEntry> out;
    while (s.step()) {
        AuditEntry e;
        e.id = s.column(0).int64();
        e.at = s.column(1).int64();
        e.actor = {s.column(2).text(), s.column(3).text(), s.column(4).text()};
        e.action = s.column(5).text();
        e.subject = s.column(6).text();
        e.detail = s.column(7).text();
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace dj
