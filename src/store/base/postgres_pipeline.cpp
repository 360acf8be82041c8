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

bool Pipeline::add(Call call) {
    calls_.push_back(std::move(call));
    return calls_.size() >= kMaxWaiting;
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

void Pipeline::drop() {
    for (Call& c : std::exchange(calls_, {}))
        if (c.reader) c.reader->not_coming();
}

void Pipeline::forget(const Reader* reader) {
    for (Call& c : calls_)
        if (c.reader == reader) c.reader = nullptr;
}

Result Pipeline::run(PGconn* pg, const Call& call, const Inserted& inserted) {
    if (!calls_.empty()) return send(pg, &call, inserted);
    std::vector<const char*> values;
    std::vector<int> lengths;
    point_at(call, values, lengths);
    return Result(PQexecPrepared(pg, call.name.c_str(), static_cast<int>(values.size()),
                                 values.data(), lengths.data(), call.formats.data(), 0));
}

Result Pipeline::send(PGconn* pg, const Call* then, const Inserted& inserted) {
    std::vector<Call> calls = std::exchange(calls_, {});
    savepoint_.clear();
    // Each one is given its rows below, or reads again when the pipeline fails.
    for (Call& c : calls)
        if (c.reader) c.reader->not_coming();
    if (PQenterPipelineMode(pg) != 1) throw Error(Failure::other, trimmed(PQerrorMessage(pg)));
    bool sent = true;
    auto send_one = [&](const Call& c) {
        if (!sent) return;
        if (c.name.empty()) {
            sent = PQsendQueryParams(pg, c.text.c_str(), 0, nullptr, nullptr, nullptr, nullptr,
                                     0) == 1;
            return;
        }
        std::vector<const char*> values;
        std::vector<int> lengths;
        point_at(c, values, lengths);
        sent = PQsendQueryPrepared(pg, c.name.c_str(), static_cast<int>(values.size()),
                                   values.data(), lengths.data(), c.formats.data(), 0) == 1;
    };
    for (const Call& c : calls)
        send_one(c);
    if (then) send_one(*then);
    if (sent) sent = PQpipelineSync(pg) == 1;
    Result failed;
    Result last;
    bool lost = !sent;
    std::vector<std::pair<const std::string*, Result>> inserts;
    std::vector<std::pair<Reader*, Result>> read;
    const std::size_t count = calls.size() + (then ? 1 : 0);
    for (std::size_t i = 0; sent && i < count; ++i) {
        Result r(PQgetResult(pg));
        if (!r.r) {
            lost = true;
            break;
        }
        // The NULL that ends this statement's results.
        while (PGresult* more = PQgetResult(pg))
            PQclear(more);
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
    }
    if (!lost) PQclear(PQgetResult(pg));  // the sync's own result
    PQexitPipelineMode(pg);
    if (failed.r) check(pg, failed.r);
    if (lost || (then && !last.r)) throw Error(Failure::cannot_open, trimmed(PQerrorMessage(pg)));
    for (auto& [table, r] : inserts)
        if (!table->empty()) inserted(*table, r.r);
    for (auto& [reader, r] : read)
        reader->receive(std::move(r));
    return last;
}

}  // namespace dj::sql::pg
