#pragma once

#include <libpq-fe.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "store/base/postgres_result.h"

namespace dj::sql::pg {

// A query sent ahead (Statement::prefetch): its rows come with a later round trip, or not at all.
class Reader {
  public:
    virtual void receive(Result rows) = 0;
    virtual void not_coming() = 0;

  protected:
    ~Reader() = default;
};

// A statement to run: a prepared one with its parameters, or a text without any.
struct Call {
    std::string name{};  // of the prepared statement; empty: `text`
    std::string text{};
    std::vector<std::optional<std::string>> values{};
    std::vector<int> formats{};
    std::string inserts_into{};
    Reader* reader = nullptr;  // a prefetched query, given its rows
};

// Statements whose answer nobody waits for (changes made inside a transaction, queries read
// later, a savepoint), kept until one needs an answer and then sent with it at once in libpq's
// pipeline mode: one round trip for them all. Inside a transaction they go ahead as they are
// made, so the server works on them while the program goes on; their answers are still
// read, and a failure still thrown, only with the statement that needs an answer.
class Pipeline {
  public:
    // Told of every INSERT the pipeline ran, with its result.
    using Inserted = std::function<void(const std::string& table, const PGresult* r)>;

    // Nothing waits to be sent or to be answered.
    bool idle() const { return calls_.empty() && sent_.empty(); }
    // Statements were sent ahead: the connection takes no other kind of call until send().
    bool in_pipeline() const { return piped_; }
    // Whether so many wait that they should be answered now. `ahead`: the connection the
    // waiting statements may be sent on before then (inside a transaction), or null.
    bool add(Call call, PGconn* ahead);
    // A savepoint opened with nothing waiting.
    void add_savepoint(const std::string& text, const std::string& name);
    // Whether `sql` (ROLLBACK TO or RELEASE) ends a savepoint the server never saw, so it must
    // not be sent.
    bool skips(const std::string& sql);
    // What waits is not wanted (a rollback, a lost connection): what was sent ahead is answered
    // and its answers dropped, the rest is not sent; the queries are told.
    void drop(PGconn* pg) noexcept;
    // `reader` is reset or gone: its rows, if they come, are dropped.
    void forget(const Reader* reader);

    // What waits, then `then`, answered in order; returns the answer to `then`. The first
    // failure is thrown; the server skips the rest.
    Result send(PGconn* pg, const Call* then, const Inserted& inserted);
    // `call` alone when nothing waits, else after what waits.
    Result run(PGconn* pg, const Call& call, const Inserted& inserted);

  private:
    // Sends what waits without waiting for the answers.
    void send_ahead(PGconn* pg);
    // Sends one statement in pipeline mode; false when it could not be sent.
    static bool send_one(PGconn* pg, const Call& c);

    static constexpr std::size_t kMaxWaiting = 1024;
    std::vector<Call> calls_;  // not sent yet
    std::vector<Call> sent_;   // sent ahead, answers not read yet
    bool piped_ = false;       // the connection is in pipeline mode
    bool broken_ = false;      // sending ahead failed: the connection is lost
    std::string savepoint_;    // opened, waiting in calls_
};

}  // namespace dj::sql::pg
