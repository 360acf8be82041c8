#include "store/base/sql_dialect.h"

#include <algorithm>
#include <cctype>
#include <regex>

#include "core/base/clock.h"

namespace dj::sql {
namespace {

bool word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Where the quoted text or comment starting at `i` ends (one past it).
std::size_t skip_quoted(std::string_view s, std::size_t i) {
    const char q = s[i];
    if (q == '-') {
        std::size_t end = s.find('\n', i);
        return end == std::string_view::npos ? s.size() : end;
    }
    if (q == '/') {
        std::size_t end = s.find("*/", i + 2);
        return end == std::string_view::npos ? s.size() : end + 2;
    }
    for (std::size_t j = i + 1; j < s.size(); ++j)
        if (s[j] == q) {
            if (j + 1 < s.size() && s[j + 1] == q) {
                ++j;  // a doubled quote inside
                continue;
            }
            return j + 1;
        }
    return s.size();
}

bool starts_quoted(std::string_view s, std::size_t i) {
    char c = s[i];
    if (c == '\'' || c == '"') return true;
    if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') return true;
    return c == '/' && i + 1 < s.size() && s[i + 1] == '*';
}

class Translator {
  public:
    PostgresSql run(std::string_view sql) {
        PostgresSql out;
        out.text = translate(sql);
        out.parameter_names = names_;
        out.referenced = referenced_;
        out.referenced.resize(names_.size());
        return out;
    }

  private:
    std::string translate(std::string_view s) {
        std::string out;
        out.reserve(s.size() + 16);
        std::size_t i = 0;
        while (i < s.size()) {
            char c = s[i];
            if (starts_quoted(s, i)) {
                std::size_t end = skip_quoted(s, i);
                out.append(s.substr(i, end - i));
                i = end;
            } else if (c == '?') {
                std::size_t end = i + 1;
                while (end < s.size() && std::isdigit(static_cast<unsigned char>(s[end])))
                    ++end;
                std::size_t n = names_.size() + 1;
                if (end > i + 1) n = std::stoul(std::string(s.substr(i + 1, end - i - 1)));
                if (names_.size() < n) names_.resize(n);
                mark(n);
                out += '$' + std::to_string(n);
                i = end;
            } else if (c == ':' && i + 1 < s.size() &&
                       std::isalpha(static_cast<unsigned char>(s[i + 1])) &&
                       (i == 0 || s[i - 1] != ':')) {
                std::size_t end = i + 1;
                while (end < s.size() && word_char(s[end]))
                    ++end;
                out += '$' + std::to_string(named(std::string(s.substr(i, end - i))));
                i = end;
            } else if (word_char(c) && (i == 0 || !word_char(s[i - 1]))) {
                std::size_t end = i;
                while (end < s.size() && word_char(s[end]))
                    ++end;
                i = word(s, i, end, out);
            } else {
                out += c;
                ++i;
            }
        }
        return out;
    }

    int named(const std::string& name) {
        auto it = std::find(names_.begin(), names_.end(), name);
        if (it != names_.end()) return static_cast<int>(it - names_.begin()) + 1;
        names_.push_back(name);
        mark(names_.size());
        return static_cast<int>(names_.size());
    }

    void mark(std::size_t n) {
        if (referenced_.size() < n) referenced_.resize(n);
        referenced_[n - 1] = true;
    }

    // The arguments of the call whose '(' is at `open`, each translated, and one past its ')'.
    std::pair<std::vector<std::string>, std::size_t> arguments(std::string_view s,
                                                               std::size_t open) {
        std::vector<std::string> args;
        int depth = 0;
        std::size_t start = open + 1;
        for (std::size_t j = open; j < s.size();) {
            if (starts_quoted(s, j)) {
                j = skip_quoted(s, j);
                continue;
            }
            if (s[j] == '(') ++depth;
            if (s[j] == ')' && --depth == 0) {
                args.push_back(translate(s.substr(start, j - start)));
                return {args, j + 1};
            }
            if (s[j] == ',' && depth == 1) {
                args.push_back(translate(s.substr(start, j - start)));
                start = j + 1;
            }
            ++j;
        }
        throw Error(Failure::other, "unbalanced parentheses in: " + std::string(s));
    }

    static std::string next_words(std::string_view s, std::size_t from, int count) {
        std::string out;
        std::size_t j = from;
        for (int n = 0; n < count; ++n) {
            while (j < s.size() && std::isspace(static_cast<unsigned char>(s[j])))
                ++j;
            std::size_t start = j;
            while (j < s.size() && word_char(s[j]))
                ++j;
            if (start == j) break;
            out += (out.empty() ? "" : " ") + lower(s.substr(start, j - start));
        }
        return out;
    }

    // Where the `count` words after `from` end.
    static std::size_t skip_words(std::string_view s, std::size_t from, int count) {
        std::size_t j = from;
        for (int n = 0; n < count; ++n) {
            while (j < s.size() && std::isspace(static_cast<unsigned char>(s[j])))
                ++j;
            while (j < s.size() && word_char(s[j]))
                ++j;
        }
        return j;
    }

    // One word at [begin, end): copied, or rewritten with what follows it; returns where to go on.
    std::size_t word(std::string_view s, std::size_t begin, std::size_t end, std::string& out) {
        const std::string w = lower(s.substr(begin, end - begin));
        std::size_t paren = end;
        while (paren < s.size() && s[paren] == ' ')
            ++paren;
        const bool call = paren < s.size() && s[paren] == '(';
        if (call && (w == "ifnull" || w == "char")) {
            out += w == "ifnull" ? "coalesce" : "chr";
            return end;
        }
        if (call && (w == "group_concat" || w == "total" || w == "max" || w == "min")) {
            auto [args, after] = arguments(s, paren);
            if (w == "group_concat")
                out += "string_agg((" + args[0] + ")::text," +
                       (args.size() > 1 ? args[1] : " ','") + ")";
            else if (w == "total")
                out += "coalesce(sum(" + args[0] + "), 0)";
            else if (args.size() == 1)
                out += w + "(" + args[0] + ")";
            else {
                out += (w == "max" ? "greatest(" : "least(");
                for (std::size_t a = 0; a < args.size(); ++a)
                    out += (a ? "," : "") + args[a];
                out += ")";
            }
            return after;
        }
        if (w == "integer") {
            if (next_words(s, end, 2) == "primary key") {
                out += "BIGINT GENERATED BY DEFAULT AS IDENTITY";
                return end;
            }
            out += "BIGINT";
            return end;
        }
        if (w == "real") {
            out += "DOUBLE PRECISION";
            return end;
        }
        if (w == "blob") {
            out += "BYTEA";
            return end;
        }
        // Foreign keys may wait for the end of the transaction when it asks (a shop copied in
        // whole has references both ways between warehouses and locations).
        if (w == "references") {
            std::size_t j = skip_words(s, end, 1);
            while (j < s.size() && std::isspace(static_cast<unsigned char>(s[j])))
                ++j;
            if (j < s.size() && s[j] == '(') j = s.find(')', j) + 1;
            for (;;) {
                const std::string action = next_words(s, j, 4);
                int words = 0;
                if (action.rfind("on delete cascade", 0) == 0 ||
                    action.rfind("on update cascade", 0) == 0 ||
                    action.rfind("on delete restrict", 0) == 0)
                    words = 3;
                else if (action.rfind("on delete set", 0) == 0 ||
                         action.rfind("on delete no", 0) == 0)
                    words = 4;
                if (words == 0) break;
                j = skip_words(s, j, words);
            }
            out.append(s.substr(begin, j - begin));
            out += " DEFERRABLE";
            return j;
        }
        // PostgreSQL wants a name for every subquery in FROM; SQLite lets it go without.
        if (w == "from" && call && next_words(s, paren + 1, 1) == "select") {
            auto [args, after] = arguments(s, paren);
            std::string inner;
            for (std::size_t a = 0; a < args.size(); ++a)
                inner += (a ? "," : "") + args[a];
            out += s.substr(begin, end - begin);
            out += " (" + inner + ")";
            static const char* const kNotAnAlias[] = {"",      "where", "group",  "order",
                                                      "join",  "left",  "inner",  "cross",
                                                      "union", "limit", "having", "natural"};
            const std::string next = next_words(s, after, 1);
            std::size_t k = after;
            while (k < s.size() && std::isspace(static_cast<unsigned char>(s[k])))
                ++k;
            const bool punctuation = k < s.size() && (s[k] == ')' || s[k] == ',' || s[k] == ';');
            if (punctuation || std::find(std::begin(kNotAnAlias), std::end(kNotAnAlias), next) !=
                                   std::end(kNotAnAlias))
                out += " AS dj_from" + std::to_string(++subqueries_);
            return after;
        }
        // SQLite's IS and IS NOT compare like = and <> but with NULL equal to NULL.
        if (w == "is") {
            const std::string next = next_words(s, end, 1);
            if (next == "not") {
                const std::string after = next_words(s, end, 2);
                if (after != "not null" && after != "not distinct" && after != "not true" &&
                    after != "not false") {
                    out += "IS DISTINCT FROM";
                    return skip_words(s, end, 1);
                }
            } else if (next != "null" && next != "distinct" && next != "true" && next != "false") {
                out += "IS NOT DISTINCT FROM";
                return end;
            }
        }
        // Reserved in PostgreSQL, a plain column name in the schema.
        if (w == "user") {
            out += "\"user\"";
            return end;
        }
        if (w == "rowid") {
            out += "ctid";
            return end;
        }
        if (w == "without" && next_words(s, end, 1) == "rowid") {
            std::size_t j = end;
            while (j < s.size() && !word_char(s[j]))
                ++j;
            while (j < s.size() && word_char(s[j]))
                ++j;
            return j;
        }
        out.append(s.substr(begin, end - begin));
        return end;
    }

    std::vector<std::string> names_;
    std::vector<bool> referenced_;
    int subqueries_ = 0;
};

// SQLite's trigger that refuses a change, as a PostgreSQL trigger function and trigger.
std::string triggers_to_postgres(std::string_view sql) {
    static const std::regex trigger(
        R"(CREATE TRIGGER (\w+) (BEFORE|AFTER) (UPDATE|DELETE|INSERT) ON (\w+)\s+BEGIN SELECT RAISE\(ABORT, '([^']*)'\); END;)");
    return std::regex_replace(std::string(sql), trigger,
                              "CREATE OR REPLACE FUNCTION $1() RETURNS trigger LANGUAGE plpgsql AS "
                              "'BEGIN RAISE EXCEPTION ''$5'' USING ERRCODE = ''23000''; END'; "
                              "CREATE TRIGGER $1 $2 $3 ON $4 FOR EACH ROW EXECUTE FUNCTION $1();");
}

}  // namespace

PostgresSql to_postgres(std::string_view sqlite_sql) {
    if (sqlite_sql.find("CREATE TRIGGER") != std::string_view::npos)
        return Translator().run(triggers_to_postgres(sqlite_sql));
    return Translator().run(sqlite_sql);
}

std::string add_days(const std::string& date, long long days) {
    return date_from_days(days_from_date(date) + static_cast<long>(days));
}

std::string month_of_unix_time(Engine engine, const std::string& expression) {
    if (engine == Engine::postgresql)
        return "to_char(to_timestamp(" + expression + ") AT TIME ZONE 'UTC', 'YYYY-MM')";
    return "strftime('%Y-%m', " + expression + ", 'unixepoch')";
}

bool names_table(std::string_view sql, std::string_view table) {
    const auto word = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
    };
    for (std::size_t at = sql.find(table); at != std::string_view::npos;
         at = sql.find(table, at + 1)) {
        const std::size_t end = at + table.size();
        if ((at == 0 || !word(sql[at - 1])) && (end == sql.size() || !word(sql[end]))) return true;
    }
    return false;
}

}  // namespace dj::sql
