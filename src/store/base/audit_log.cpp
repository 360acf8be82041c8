#include "store/base/audit_log.h"

#include "core/base/clock.h"
#include "core/base/limits.h"
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

std::vector<AuditEntry> audit_entries(Database& db, const AuditFilter& f) {
    // One text for every filter (an empty one matches all), so the statement is prepared once.
    sql::Statement& s = db.statement(
        "SELECT id, at, user, role, workstation, action, subject, detail FROM audit_log "
        "WHERE (? = '' OR user = ?) AND (? = '' OR action = ? OR action LIKE ? ESCAPE '!') "
        "AND (? = '' OR subject LIKE ? ESCAPE '!' OR detail LIKE ? ESCAPE '!') AND at >= ? "
        "AND at < ? "
        "ORDER BY id DESC LIMIT ?");
    auto escaped = [](const std::string& text) {
        std::string out;
        for (char c : text) {
            if (c == '%' || c == '_' || c == '!') out += '!';
            out += c;
        }
        return out;
    };
    std::string group = escaped(f.action) + ".%";
    std::string like = "%" + escaped(f.text) + "%";
    s.bind(1, f.user);
    s.bind(2, f.user);
    s.bind(3, f.action);
    s.bind(4, f.action);
    s.bind(5, group);
    s.bind(6, f.text);
    s.bind(7, like);
    s.bind(8, like);
    s.bind(9, f.from.value_or(kEarliestTime));
    s.bind(10, f.to.value_or(kLatestTime));
    s.bind(11, f.limit);
    std::vector<AuditEntry> out;
    while (s.step()) {
        AuditEntry e;
        e.id = s.column(0).int64();
        e.at = s.column(1).int64();
        e.actor = Actor{s.column(2).text(), s.column(3).text(), s.column(4).text()};
        e.action = s.column(5).text();
        e.subject = s.column(6).text();
        e.detail = s.column(7).text();
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace dj
