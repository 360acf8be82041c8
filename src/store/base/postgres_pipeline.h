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
// pipeline mode: one round trip for them all.
class Pipeline {
  public:
    // Told of every INSERT the pipeline ran, with its result.
    using Inserted = std::function<void(const std::string& table, const PGresult* r)>;

    bool empty() const { return calls_.empty(); }
    // Whether so many wait that they should be sent now.
    bool add(Call call);
    // A savepoint opened with nothing waiting.
    void add_savepoint(const std::string& text, const std::string& name);
    // Whether `sql` (ROLLBACK TO or RELEASE) ends a savepoint the server never saw, so it must
    // not be sent.
    bool skips(const std::string& sql);
    // What waits is not sent (a rollback, a lost connection); the queries are told.
    void drop();
    // `reader` is reset or gone: its rows, if they come, are dropped.
    void forget(const Reader* reader);

    // What waits, then `then`, answered in order; returns the answer to `then`. The first
    // failure is thrown; the server skips the rest.
    Result send(PGconn* pg, const Call* then, const Inserted& inserted);
    // `call` alone when nothing waits, else after what waits.
    Result run(PGconn* pg, const Call& call, const Inserted& inserted);

  private:
    static constexpr std::size_t kMaxWaiting = 256;
    std::vector<Call> calls_;
    std::string savepoint_;  // opened, waiting in calls_
};

}  // namespace dj::sql::pg
