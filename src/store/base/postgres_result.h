#pragma once

#include <libpq-fe.h>

#include <string>
#include <utility>

namespace dj::sql::pg {

// A result that is freed however the scope ends.
struct Result {
    PGresult* r = nullptr;
    explicit Result(PGresult* result = nullptr) : r(result) {}
    ~Result() { PQclear(r); }
    Result(const Result&) = delete;
    Result& operator=(const Result&) = delete;
    Result(Result&& o) noexcept : r(o.r) { o.r = nullptr; }
    Result& operator=(Result&& o) noexcept {
        std::swap(r, o.r);
        return *this;
    }
};

// libpq's message without the line break it ends with.
std::string trimmed(const char* message);

// Throws Error with the server's message and the Failure its SQLSTATE means, unless `r`
// succeeded.
void check(PGconn* pg, const PGresult* r);

// The rows an INSERT, UPDATE or DELETE changed.
int changes(const PGresult* r);

}  // namespace dj::sql::pg
