#include "store/base/held_rows.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "store/base/batch_insert.h"
#include "store/base/database.h"
#include "store/base/sql_binding.h"
#include "store/base/sql_dialect.h"

namespace dj {
namespace {

// The tables that may hold rows, each after those its rows refer to: written in this order, a
// held line never reaches the server before its order.
constexpr std::array<std::string_view, 3> kParentsFirst{"shop_order", "order_line",
                                                        "order_line_item"};

// Written at this many rows of a table, in statements of BatchInsert's largest size.
constexpr std::size_t kMaxHeld = 128;
constexpr std::size_t kMaxTexts = 4096;

// A statement that only keeps what is bound to it: the callers' BindRow fills a held row.
class Recorder : public sql::detail::StatementEngine {
  public:
    explicit Recorder(std::vector<HeldRows::Value>& cells) : cells_(cells) {}
    int parameter_index(std::string_view) const override { unsupported(); }
    void bind_null(int index) override { at(index) = {}; }
    void bind_int64(int index, std::int64_t value) override {
        at(index) = HeldRows::Value::of(value);
    }
    void bind_real(int index, double value) override {
        at(index) = {sql::Type::real, 0, value, {}};
    }
    void bind_text(int index, std::string_view value) override {
        at(index) = HeldRows::Value::of(std::string(value));
    }
    void bind_blob(int index, std::string_view bytes) override {
        at(index) = {sql::Type::blob, 0, 0, std::string(bytes)};
    }
    bool step() override { unsupported(); }
    int exec() override { unsupported(); }
    void exec_deferred() override { unsupported(); }
    void prefetch() override { unsupported(); }
    void reset() override {}
    void clear_bindings() override { std::fill(cells_.begin(), cells_.end(), HeldRows::Value{}); }
    int column_count() const override { unsupported(); }
    std::string column_name(int) const override { unsupported(); }
    sql::Type column_type(int) const override { unsupported(); }
    std::int64_t column_int64(int) const override { unsupported(); }
    double column_real(int) const override { unsupported(); }
    std::string column_text(int) const override { unsupported(); }

  private:
    HeldRows::Value& at(int index) {
        if (index < 1 || static_cast<std::size_t>(index) > cells_.size())
            throw std::logic_error("held row: parameter " + std::to_string(index) +
                                   " out of range");
        return cells_[static_cast<std::size_t>(index) - 1];
    }
    [[noreturn]] static void unsupported() {
        throw std::logic_error("held row: only binding is recorded");
    }
    std::vector<HeldRows::Value>& cells_;
};

void bind_value(sql::Statement& s, int index, const HeldRows::Value& v) {
    switch (v.type) {
        case sql::Type::null:
            s.bind(index);
            break;
        case sql::Type::integer:
            s.bind(index, v.integer);
            break;
        case sql::Type::real:
            s.bind(index, v.real);
            break;
        case sql::Type::text:
            s.bind(index, v.text);
            break;
        case sql::Type::blob:
            s.bind_blob(index, v.text);
            break;
    }
}

}  // namespace

struct HeldRows::Table {
    Table(Database& db, std::string table, std::vector<std::string> cols)
        : name(std::move(table)), columns(std::move(cols)), insert(db, name, columns) {}
    std::string name;
    std::vector<std::string> columns;
    BatchInsert insert;
    std::vector<std::int64_t> ids;
    std::vector<std::vector<Value>> rows;
    std::unordered_map<std::int64_t, std::size_t> row_of;  // by id
};

// Made at the first use, here rather than with the Database, which knows nothing of it.
HeldRows& Database::held_rows() {
    if (!held_) {
        held_ = std::make_shared<HeldRows>(*this);
        db_->before_each_statement([held = held_.get()](bool undoing, std::string_view text) {
            if (undoing)
                held->drop();
            else if (text.empty())
                held->write();
            else
                held->write_before(text);
        });
    }
    return *held_;
}

HeldRows::HeldRows(Database& db) : db_(db) {}

HeldRows::~HeldRows() = default;

HeldRows::Table& HeldRows::table(const std::string& name, const std::vector<std::string>& columns) {
    const auto rank = [](std::string_view t) {
        return std::find(kParentsFirst.begin(), kParentsFirst.end(), t) - kParentsFirst.begin();
    };
    const auto r = rank(name);
    if (r == static_cast<std::ptrdiff_t>(kParentsFirst.size()))
        throw std::logic_error("held rows: " + name + " is not among the tables that may hold");
    auto it = std::find_if(tables_.begin(), tables_.end(),
                           [&](const auto& t) { return rank(t->name) >= r; });
    if (it != tables_.end() && (*it)->name == name) {
        if ((*it)->columns != columns)
            throw std::logic_error("held rows: " + name + " held with other columns");
        return **it;
    }
    return **tables_.insert(it, std::make_unique<Table>(db_, name, columns));
}

std::vector<std::int64_t> HeldRows::insert(BatchInsert& insert, std::size_t rows,
                                           const BindRow& bind_row) {
    if (!knows_keys_) {
        const auto holds = [](const std::string& t) {
            return std::find(kParentsFirst.begin(), kParentsFirst.end(), t) != kParentsFirst.end();
        };
        for (const auto& [table, refers_to] : connection(db_).foreign_keys())
            if (holds(table)) changed_.push_back(refers_to);
        std::sort(changed_.begin(), changed_.end());
        changed_.erase(std::unique(changed_.begin(), changed_.end()), changed_.end());
        knows_keys_ = true;
    }
    std::vector<std::int64_t> ids = connection(db_).take_ids(insert.table(), rows);
    if (ids.empty()) return insert.insert(rows, bind_row);
    hold(insert.table(), insert.columns(), ids, bind_row);
    return ids;
}

void HeldRows::hold(const std::string& table_name, const std::vector<std::string>& columns,
                    const std::vector<std::int64_t>& ids, const BindRow& bind_row) {
    // Rows referring to held ones (an order's holds, tags, rule log) are inserted while these
    // wait: their foreign keys are checked at COMMIT, when every held row is written. Undone
    // with the savepoint the rows are held in, as they are.
    if (held_ == 0) {
        sql::Statement defer(connection(db_), "SET CONSTRAINTS ALL DEFERRED");
        defer.exec_deferred();
    }
    Table& t = table(table_name, columns);
    for (std::size_t r = 0; r < ids.size(); ++r) {
        std::vector<Value> cells(columns.size());
        sql::Statement recorder(std::make_unique<Recorder>(cells));
        bind_row(recorder, 1, r);
        t.row_of[ids[r]] = t.rows.size();
        t.ids.push_back(ids[r]);
        t.rows.push_back(std::move(cells));
        ++held_;
    }
    if (t.rows.size() >= kMaxHeld) write();
}

HeldRows::Value* HeldRows::cell(const std::string& table, std::int64_t id,
                                const std::string& column) {
    for (const auto& t : tables_) {
        if (t->name != table) continue;
        auto row = t->row_of.find(id);
        if (row == t->row_of.end()) return nullptr;
        auto c = std::find(t->columns.begin(), t->columns.end(), column);
        if (c == t->columns.end())
            throw std::logic_error("held rows: " + table + " has no held column " + column);
        return &t->rows[row->second][static_cast<std::size_t>(c - t->columns.begin())];
    }
    return nullptr;
}

void HeldRows::write() {
    if (writing_ || held_ == 0) return;
    writing_ = true;
    struct Done {
        HeldRows& h;
        ~Done() {
            h.writing_ = false;
            h.drop();
        }
    } done{*this};
    for (const auto& t : tables_) {
        if (t->rows.empty()) continue;
        t->insert.insert_with_ids(t->ids, [&](sql::Statement& s, int first, std::size_t row) {
            const std::vector<Value>& cells = t->rows[row];
            for (std::size_t c = 0; c < cells.size(); ++c)
                bind_value(s, first + static_cast<int>(c), cells[c]);
        });
    }
}

void HeldRows::write_before(std::string_view statement) {
    if (held_ == 0) return;
    auto known = names_tied_.find(std::string(statement));
    if (known == names_tied_.end()) {
        // Texts made with lists in them are many: what is kept stays bounded.
        if (names_tied_.size() >= kMaxTexts) names_tied_.clear();
        const auto named = [&](const std::vector<std::string>& tables) {
            return std::any_of(tables.begin(), tables.end(), [&](const std::string& t) {
                return sql::names_table(statement, t);
            });
        };
        const bool reads = statement.rfind("SELECT ", 0) == 0;
        const bool tied =
            std::any_of(kParentsFirst.begin(), kParentsFirst.end(),
                        [&](std::string_view t) { return sql::names_table(statement, t); }) ||
            (!reads && named(changed_));
        known = names_tied_.emplace(std::string(statement), tied).first;
    }
    if (known->second) write();
}

void HeldRows::drop() {
    for (const auto& t : tables_) {
        t->ids.clear();
        t->rows.clear();
        t->row_of.clear();
    }
    held_ = 0;
}

}  // namespace dj
