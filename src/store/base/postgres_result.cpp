#include "store/base/postgres_result.h"

#include <cstdlib>

#include "store/base/sql.h"

namespace dj::sql::pg {
namespace {

Failure failure_of(const std::string& state) {
    if (state == "40001" || state == "40P01") return Failure::conflict;
    if (state.rfind("23", 0) == 0) return Failure::constraint;
    if (state == "53100") return Failure::full;
    if (state == "25006") return Failure::read_only;
    if (state == "55P03" || state == "57014") return Failure::busy;
    if (state.rfind("08", 0) == 0 || state == "57P01" || state == "57P02" || state == "57P03")
        return Failure::cannot_open;
    if (state == "XX001" || state == "XX002") return Failure::corrupt;
    if (state.rfind("58", 0) == 0) return Failure::io;
    return Failure::other;
}

}  // namespace

std::string trimmed(const char* message) {
    std::string m = message ? message : "";
    while (!m.empty() && (m.back() == '\n' || m.back() == ' '))
        m.pop_back();
    return m;
}

void check(PGconn* pg, const PGresult* r) {
    ExecStatusType status = PQresultStatus(r);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    std::string message = trimmed(r ? PQresultErrorMessage(r) : PQerrorMessage(pg));
    if (message.empty()) message = trimmed(PQerrorMessage(pg));
    Failure failure = state ? failure_of(state) : Failure::cannot_open;
    if (PQstatus(pg) == CONNECTION_BAD) failure = Failure::cannot_open;
    throw Error(failure, message);
}

int changes(const PGresult* r) {
    const char* n = PQcmdTuples(const_cast<PGresult*>(r));
    return n && *n ? std::atoi(n) : 0;
}

}  // namespace dj::sql::pg
