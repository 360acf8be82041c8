#include "store/base/batch_insert.h"

#include <algorithm>
#include <bit>

#include "store/base/sql.h"
#include "store/base/sql_binding.h"

namespace dj {
namespace {

// The largest stays far below both engines' parameter limits (SQLite 32766, PostgreSQL 65535)
// for any table here.
constexpr std::size_t kMaxRows = 128;

}  // namespace

std::size_t batch_chunk(std::size_t left) {
    std::size_t rows = kMaxRows;
    while (rows > left)
        rows /= 2;
    return rows;
}

ChunkedQuery::ChunkedQuery(std::string_view sql) {
    const std::size_t at = sql.find("{list}");
    for (std::size_t k = 0; k < texts_.size(); ++k) {
        std::string list = "?";
        for (std::size_t n = 1; n < (std::size_t{1} << k); ++n)
            list += ", ?";
        texts_[k] = std::string(sql.substr(0, at)) + list + std::string(sql.substr(at + 6));
    }
}

const char* ChunkedQuery::text(std::size_t keys) const {
    return texts_[static_cast<std::size_t>(std::countr_zero(keys))].c_str();
}

BatchInsert::BatchInsert(Database& db, std::string table, std::vector<std::string> columns, Ids ids)
    : db_(db), table_(std::move(table)), columns_(std::move(columns)), ids_(ids) {}

BatchInsert::~BatchInsert() = default;

sql::Statement& BatchInsert::statement(std::size_t rows, bool with_id) {
    auto& s = statements_[{rows, with_id}];
    if (!s) {
        std::string text = "INSERT INTO " + table_ + "(" + (with_id ? "id, " : "");
        std::string row = with_id ? "(?, " : "(";
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            text += (c ? ", " : "") + columns_[c];
            row += c ? ", ?" : "?";
        }
        text += ") VALUES ";
        row += ")";
        for (std::size_t r = 0; r < rows; ++r)
            text += (r ? ", " : "") + row;
        if (ids_ == Ids::returned && !with_id) text += " RETURNING id";
        s = std::make_unique<sql::Statement>(connection(db_), text);
    }
    s->reset();
    s->clear_bindings();
    return *s;
}

void BatchInsert::insert_with_ids(const std::vector<std::int64_t>& ids, const BindRow& bind_row) {
    const int width = static_cast<int>(columns_.size()) + 1;
    for (std::size_t done = 0; done < ids.size();) {
        const std::size_t n = batch_chunk(ids.size() - done);
        sql::Statement& s = statement(n, true);
        for (std::size_t r = 0; r < n; ++r) {
            const int first = 1 + static_cast<int>(r) * width;
            s.bind(first, ids[done + r]);
            bind_row(s, first + 1, done + r);
        }
        s.exec_deferred();
        done += n;
    }
}

std::vector<std::int64_t> BatchInsert::insert(std::size_t rows, const BindRow& bind_row) {
    if (ids_ == Ids::returned) {
        std::vector<std::int64_t> given = connection(db_).take_ids(table_, rows);
        if (!given.empty()) {
            insert_with_ids(given, bind_row);
            return given;
        }
    }
    std::vector<std::int64_t> ids;
    ids.reserve(rows);
    const int width = static_cast<int>(columns_.size());
    for (std::size_t done = 0; done < rows;) {
        const std::size_t n = batch_chunk(rows - done);
        sql::Statement& s = statement(n, false);
        for (std::size_t r = 0; r < n; ++r)
            bind_row(s, 1 + static_cast<int>(r) * width, done + r);
        if (ids_ == Ids::none) {
            s.exec_deferred();
            done += n;
            continue;
        }
        const std::size_t first = ids.size();
        while (s.step())
            ids.push_back(s.column(0).int64());
        s.reset();
        if (ids.size() - first != n)
            throw sql::Error(sql::Failure::other, table_ + ": a batch insert returned " +
                                                      std::to_string(ids.size() - first) +
                                                      " ids for " + std::to_string(n) + " rows");
        // Both engines number the rows of one statement upward in the order of VALUES; neither
        // promises RETURNING in that order.
        std::sort(ids.begin() + static_cast<std::ptrdiff_t>(first), ids.end());
        done += n;
    }
    return ids;
}

}  // namespace dj
