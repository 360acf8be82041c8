#include "store/base/postgres_pipeline.h"

#include <utility>

#include "store/base/sql.h"

namespace dj::sql::pg {
namespace {

void point_at(const Call& call, std::vector<const char*>& values, std::vector<int>& lengths) {
    values.resize(call.values.size());
    lengths.resize(call.values.size());
    for (std::size_t i = 0; i < call.values.size(); ++i) {
        values[i] = call.values[i] ? call.values[i]->data() : nullptr;
        lengths[i] = call.values[i] ? static_cast<int>(call.values[i]->size()) : 0;
    }
}

}  // namespace

bool Pipeline::add(Call call, PGconn* ahead) {
    calls_.push_back(std::move(call));
    // Each goes as it is made: sent sixteen at a time, the server sat idle after each answer
    // the program waited for while the program made the next sixteen (a 50,000-order intake
    // took 8.2 s instead of 7.2).
    if (ahead) send_ahead(ahead);
    return calls_.size() + sent_.size() >= kMaxWaiting;
}

void Pipeline::add_savepoint(const std::string& text, const std::string& name) {
    calls_.push_back({.text = text});
    savepoint_ = name;
}

bool Pipeline::skips(const std::string& sql) {
    if (savepoint_.empty()) return false;
    if (sql == "ROLLBACK TO " + savepoint_) return true;
    const bool release = sql == "RELEASE " + savepoint_;
    savepoint_.clear();
    return release;
}

bool Pipeline::send_one(PGconn* pg, const Call& c) {
    if (c.name.empty())
        return PQsendQueryParams(pg, c.text.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) == 1;
    std::vector<const char*> values;
    std::vector<int> lengths;
    point_at(c, values, lengths);
    return PQsendQueryPrepared(pg, c.name.c_str(), static_cast<int>(values.size()), values.data(),
                               lengths.data(), c.formats.data(), 0) == 1;
}

void Pipeline::send_ahead(PGconn* pg) {
    if (broken_) return;
    if (!piped_) {
        if (PQenterPipelineMode(pg) != 1) return;  // they wait for the next answer instead
        piped_ = true;
    }
    // A savepoint among them reaches the server now: undoing it is sent too.
    savepoint_.clear();
    for (Call& c : calls_) {
        broken_ = broken_ || !send_one(pg, c);
        sent_.push_back(std::move(c));
    }
    calls_.clear();
    broken_ = broken_ || PQflush(pg) != 0;
}

namespace {

// Reads the answers to `count` statements and the sync after them; false when the connection
// was lost on the way. `each` gets each statement's first result.
bool read_answers(PGconn* pg, std::size_t count,
                  const std::function<void(std::size_t, Result)>& each) {
    for (std::size_t i = 0; i < count; ++i) {
        Result r(PQgetResult(pg));
        if (!r.r) return false;
        // The NULL that ends this statement's results.
        while (PGresult* more = PQgetResult(pg))
            PQclear(more);
        each(i, std::move(r));
    }
    PQclear(PQgetResult(pg));  // the sync's own result
    return true;
}

}  // namespace

void Pipeline::drop(PGconn* pg) noexcept {
    for (std::vector<Call>* list : {&sent_, &calls_})
        for (Call& c : *list)
            if (c.reader) c.reader->not_coming();
    calls_.clear();
    if (piped_) {
        if (!broken_ && PQpipelineSync(pg) == 1)
            read_answers(pg, sent_.size(), [](std::size_t, Result) {});
        PQexitPipelineMode(pg);
    }
    sent_.clear();
    piped_ = false;
    broken_ = false;
}

void Pipeline::forget(const Reader* reader) {
    for (std::vector<Call>* list : {&sent_, &calls_})
        for (Call& c : *list)
            if (c.reader == reader) c.reader = nullptr;
}

Result Pipeline::run(PGconn* pg, const Call& call, const Inserted& inserted) {
    if (!idle()) return send(pg, &call, inserted);
    std::vector<const char*> values;
    std::vector<int> lengths;
    point_at(call, values, lengths);
    return Result(PQexecPrepared(pg, call.name.c_str(), static_cast<int>(values.size()),
                                 values.data(), lengths.data(), call.formats.data(), 0));
}

Result Pipeline::send(PGconn* pg, const Call* then, const Inserted& inserted) {
    std::vector<Call> calls = std::exchange(sent_, {});
    const std::size_t ahead = calls.size();
    for (Call& c : calls_)
        calls.push_back(std::move(c));
    calls_.clear();
    savepoint_.clear();
    bool sent = !std::exchange(broken_, false);
    // Each one is given its rows below, or reads again when the pipeline fails.
    for (Call& c : calls)
        if (c.reader) c.reader->not_coming();
    if (!std::exchange(piped_, false) && PQenterPipelineMode(pg) != 1)
        throw Error(Failure::other, trimmed(PQerrorMessage(pg)));
    for (std::size_t i = ahead; sent && i < calls.size(); ++i)
        sent = send_one(pg, calls[i]);
    if (sent && then) sent = send_one(pg, *then);
    if (sent) sent = PQpipelineSync(pg) == 1;
    Result failed;
    Result last;
    std::vector<std::pair<const std::string*, Result>> inserts;
    std::vector<std::pair<Reader*, Result>> read;
    const bool answered =
        sent && read_answers(pg, calls.size() + (then ? 1 : 0), [&](std::size_t i, Result r) {
            const ExecStatusType status = PQresultStatus(r.r);
            if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
                if (!failed.r && status != PGRES_PIPELINE_ABORTED) failed = std::move(r);
            } else if (i < calls.size() && calls[i].reader) {
                read.emplace_back(calls[i].reader, std::move(r));
            } else if (i < calls.size()) {
                inserts.emplace_back(&calls[i].inserts_into, std::move(r));
            } else {
                last = std::move(r);
            }
        });
    PQexitPipelineMode(pg);
    if (failed.r) check(pg, failed.r);
    if (!answered || (then && !last.r))
        throw Error(Failure::cannot_open, trimmed(PQerrorMessage(pg)));
    for (auto& [table, r] : inserts)
        if (!table->empty()) inserted(*table, r.r);
    for (auto& [reader, r] : read)
        reader->receive(std::move(r));
    return last;
}

}  // namespace dj::sql::pg
