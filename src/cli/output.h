#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/types.h"

namespace dj::cli {

// One value of a listing: shown aligned in a table, or typed in JSON (money as a number with
// exactly two decimals, e.g. 12.50).
struct Cell {
    enum class Type { text, integer, money, null, json, time };
    Type type = Type::null;
    std::string text;
    std::int64_t number = 0;

    static Cell str(std::string s) { return {Type::text, std::move(s), 0, {}}; }
    static Cell num(std::int64_t n) { return {Type::integer, {}, n, {}}; }
    static Cell yuan(Fen fen) { return {Type::money, {}, fen, {}}; }
    static Cell none() { return {}; }
    // A value the acting user may not see (a cost for a packer): null in JSON, *** in tables.
    static Cell masked() { return raw_json("null", "***"); }
    // A moment: in tables Beijing time with its offset ("2026-11-01 00:00 +08:00", or UTC with
    // --utc), in JSON always ISO 8601 UTC ("2026-10-31T16:00:00Z").
    static Cell time(Timestamp t) { return {Type::time, {}, t, {}}; }
    static Cell time(std::optional<Timestamp> t) { return t ? time(*t) : none(); }
    // Already-serialised JSON (a nested list); `summary` is what the table shows.
    static Cell raw_json(std::string json, std::string summary) {
        return {Type::json, std::move(summary), 0, std::move(json)};
    }
    // A code: the code itself in JSON ("to_ship"), its name in tables (待发货), so scripts keep
    // the code and a person reads words.
    static Cell code(std::string_view code, std::string name);
    // A platform by its code ("taobao" in JSON, 淘宝/天猫 in tables).
    static Cell platform(std::string_view code);
    // A yes/no: true or false in JSON, 是 or 否 (in the interface language) in tables.
    static Cell flag(bool b);
    std::string json;
};

struct Column {
    std::string key;     // JSON key, fixed
    std::string header;  // translated table header
};

class Listing {
  public:
    explicit Listing(std::vector<Column> columns) : columns_(std::move(columns)) {}
    void add(std::vector<Cell> row) { rows_.push_back(std::move(row)); }
    std::size_t size() const { return rows_.size(); }
    // JSON: an array of objects on one line per row. Table: aligned columns (CJK counts double),
    // times in Beijing time unless `utc`.
    void print(std::ostream& out, bool json, bool utc = false) const;

  private:
    std::vector<Column> columns_;
    std::vector<std::vector<Cell>> rows_;
};

std::string json_quote(const std::string& s);

}  // namespace dj::cli
