#include "store/base/audit_log.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/base/clock.h"
#include "store/base/database.h"

namespace dj {

void audit(Database& db, const Actor& actor, const std::string& action, const std::string& subject,
           const std::string& detail) {
    SQLite::Statement& s = db.statement(
        "INSERT INTO audit_log(at, user, role, workstation, action, subject, detail) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, static_cast<int64_t>(db.clock().now()));
    s.bind(2, actor.user);
    s.bind(3, actor.role);
    s.bind(4, actor.workstation);
    s.bind(5, action);
    s.bind(6, subject);
    s.bind(7, detail);
    s.exec();
}

std::vector<AuditEntry> audit_entries(Database& db, int limit) {
    SQLite::Statement& s = db.statement(
        "SELECT id, at, user, role, workstation, action, subject, detail FROM audit_log "
        "ORDER BY id DESC LIMIT ?");
    s.bind(1, limit);
    std::vector<AuditEntry> out;
    while (s.executeStep()) {
        AuditEntry e;
        e.id = s.getColumn(0).getInt64();
        e.at = s.getColumn(1).getInt64();
        e.actor = {s.getColumn(2).getString(), s.getColumn(3).getString(),
                   s.getColumn(4).getString()};
        e.action = s.getColumn(5).getString();
        e.subject = s.getColumn(6).getString();
        e.detail = s.getColumn(7).getString();
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace dj
