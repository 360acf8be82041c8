// Support for the dianjia-cli integration tests: every test runs the real binary (DJ_CLI_PATH)
// on a fresh SQLite file in its own temporary folder and checks exit codes, stdout (mostly
// --json) and stderr, and reads the database back (store/testing/sql_probe.h) where the CLI shows
// too little.
#pragma once

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#ifdef _WIN32
#include <process.h>
#define DJ_POPEN _popen
#define DJ_PCLOSE _pclose
#else
#include <sys/wait.h>
#include <unistd.h>

#include "store/testing/sql_probe.h"
#define DJ_POPEN popen
#define DJ_PCLOSE pclose
#endif

namespace fs = std::filesystem;
using nlohmann::json;

namespace cli_test {

// The acting user every Shop passes with --user (non-ASCII on purpose).
inline const std::string kUser = "测试员";

inline std::string fixture(const std::string& name) {
    return (fs::path(DJ_FIXTURES_DIR) / name).string();
}

inline std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void write_all(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    BOOST_REQUIRE_MESSAGE(out.good(), "cannot write " << path.string());
}

inline std::string unique_name(const std::string& prefix) {
    static std::atomic<unsigned> counter{0};
    static const unsigned salt = std::random_device{}();
#ifdef _WIN32
    long pid = _getpid();
#else
    long pid = static_cast<long>(getpid());
#endif
    return prefix + "-" + std::to_string(pid) + "-" + std::to_string(salt) + "-" +
           std::to_string(counter++);
}

// A folder under $TMPDIR (ctest points it into the build tree), removed with everything in it.
class TempDir {
  public:
    TempDir() : path_(fs::temp_directory_path() / unique_name("dj-cli-test")) {
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

inline std::string shell_quote(const std::string& arg) {
#ifdef _WIN32
    std::string out = "\"";
    for (char c : arg)
        out += c == '"' ? std::string("\\\"") : std::string(1, c);
    return out + "\"";
#else
    std::string out = "'";
    for (char c : arg)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
#endif
}

struct Run {
    int code = -1;
    std::string out;
    std::string err;
    std::string command;
};

// Runs dianjia-cli with `args`: stdout through the pipe, stderr through a temporary file.
inline Run run_cli(const std::vector<std::string>& args) {
    Run r;
    r.command = shell_quote(DJ_CLI_PATH);
    for (const std::string& a : args)
        r.command += " " + shell_quote(a);
    fs::path err_file = fs::temp_directory_path() / unique_name("dj-cli-stderr");
#ifdef _WIN32
    std::string full = "\"" + r.command + " 2>" + shell_quote(err_file.string()) + " <NUL\"";
    FILE* pipe = DJ_POPEN(full.c_str(), "rb");
#else
    std::string full = r.command + " 2>" + shell_quote(err_file.string()) + " </dev/null";
    FILE* pipe = DJ_POPEN(full.c_str(), "r");
#endif
    BOOST_REQUIRE_MESSAGE(pipe != nullptr, "popen failed for " << r.command);
    char buf[4096];
    std::size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0)
        r.out.append(buf, n);
    int status = DJ_PCLOSE(pipe);
#ifdef _WIN32
    r.code = status;
#else
    if (WIFEXITED(status))
        r.code = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        r.code = 128 + WTERMSIG(status);
#endif
    r.err = read_all(err_file);
    std::error_code ec;
    fs::remove(err_file, ec);
    return r;
}

inline json parse_json(const Run& r) {
    try {
        return json::parse(r.out);
    } catch (const json::exception& e) {
        BOOST_FAIL("not JSON from " << r.command << ": " << e.what() << "\n" << r.out);
    }
    return {};
}

inline bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// True when one line of `text` contains every part (a --json listing prints one row a line, so
// this checks the exact text of a value, e.g. money with its two decimals).
inline bool line_has(const std::string& text, std::initializer_list<std::string> parts) {
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        bool all = true;
        for (const std::string& p : parts)
            all = all && contains(line, p);
        if (all) return true;
    }
    return false;
}

// The one row of a listing whose fields have these values.
inline json row_where(const json& rows,
                      std::initializer_list<std::pair<const char*, std::string>> keys) {
    BOOST_REQUIRE(rows.is_array());
    json found;
    int matches = 0;
    for (const json& row : rows) {
        bool all = true;
        for (const auto& [k, v] : keys)
            all = all && row.contains(k) && row.at(k).is_string() &&
                  row.at(k).get<std::string>() == v;
        if (all) {
            found = row;
            ++matches;
        }
    }
    BOOST_REQUIRE_MESSAGE(matches == 1,
                          "expected one row matching, found " << matches << " in " << rows.dump());
    return found;
}

inline long long num(const json& row, const char* key) {
    BOOST_REQUIRE_MESSAGE(row.contains(key) && row.at(key).is_number_integer(),
                          "no integer " << key << " in " << row.dump());
    return row.at(key).get<long long>();
}

inline std::string str(const json& row, const char* key) {
    BOOST_REQUIRE_MESSAGE(row.contains(key) && row.at(key).is_string(),
                          "no string " << key << " in " << row.dump());
    return row.at(key).get<std::string>();
}

inline std::string host_name() {
#ifdef _WIN32
    const char* v = std::getenv("COMPUTERNAME");
    return v && *v ? v : "windows";
#else
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) == 0 && host[0]) return host;
    const char* v = std::getenv("HOSTNAME");
    return v && *v ? v : "localhost";
#endif
}

inline std::string cell_text(const dj::testing::SqlValue& c) {
    using Kind = dj::testing::SqlValue::Kind;
    switch (c.kind) {
        case Kind::null:
            return "NULL";
        case Kind::integer:
            return "i" + c.str();
        case Kind::real:
            return "f" + c.str();
        case Kind::blob:
            return "b" + c.text;
        case Kind::text:
            break;
    }
    return "t'" + c.text + "'";
}

// Every table's rows (and the schema and user_version), keyed by table, in a stable order.
inline std::map<std::string, std::string> dump_db(const std::string& path) {
    std::map<std::string, std::string> out;
    dj::testing::SqlProbe db(path);
    out["(user_version)"] = std::to_string(db.integer("PRAGMA user_version"));
    std::vector<std::string> tables;
    std::string schema;
    for (const dj::testing::SqlRow& r :
         db.rows("SELECT type, name, ifnull(sql, '') FROM sqlite_master ORDER BY type, name")) {
        schema += r[0].text + " " + r[1].text + ": " + r[2].text + "\n";
        if (r[0].text == "table") tables.push_back(r[1].text);
    }
    out["(schema)"] = schema;
    for (const std::string& t : tables) {
        std::string from = "SELECT * FROM \"" + t + "\"";
        std::size_t columns = db.columns(from).size();
        std::string order;
        for (std::size_t i = 1; i <= columns; ++i)
            order += (i > 1 ? ", " : " ORDER BY ") + std::to_string(i);
        std::string rows;
        for (const dj::testing::SqlRow& r : db.rows(from + order)) {
            for (std::size_t i = 0; i < r.size(); ++i)
                rows += (i ? "|" : "") + cell_text(r[i]);
            rows += "\n";
        }
        out[t] = rows;
    }
    return out;
}

inline void require_same_dump(const std::map<std::string, std::string>& before,
                              const std::map<std::string, std::string>& after) {
    BOOST_TEST(before.size() == after.size());
    for (const auto& [table, rows] : before) {
        BOOST_TEST_CONTEXT("table " << table) {
            auto it = after.find(table);
            BOOST_TEST_REQUIRE((it != after.end()));
            BOOST_TEST(rows == it->second);
        }
    }
}

inline long long sql_int(const std::string& db_path, const std::string& sql) {
    return dj::testing::SqlProbe(db_path).integer(sql);
}

inline std::string sql_text(const std::string& db_path, const std::string& sql) {
    return dj::testing::SqlProbe(db_path).text(sql);
}

// Sets an environment variable for the programs started while it lives; puts back what was
// there before (or removes it).
class ScopedEnv {
  public:
    ScopedEnv(std::string name, const std::string& value) : name_(std::move(name)) {
        const char* old = std::getenv(name_.c_str());
        if (old) old_ = old;
        set(value.c_str());
    }
    ~ScopedEnv() { set(old_ ? old_->c_str() : nullptr); }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

  private:
    void set(const char* value) {
#ifdef _WIN32
        _putenv_s(name_.c_str(), value ? value : "");
#else
        if (value)
            setenv(name_.c_str(), value, 1);
        else
            unsetenv(name_.c_str());
#endif
    }
    std::string name_;
    std::optional<std::string> old_;
};

// Sets DIANJIA_NOW for the programs started while it lives; puts the suite's value back after.
class ScopedNow : public ScopedEnv {
  public:
    explicit ScopedNow(const std::string& now) : ScopedEnv("DIANJIA_NOW", now) {}
};

// One shop database in its own temporary folder. run() passes --db and --user.
class Shop {
  public:
    Shop() : db_((dir_.path() / "shop.db").string()) {}

    const std::string& db() const { return db_; }
    const fs::path& dir() const { return dir_.path(); }

    Run run(const std::vector<std::string>& args) const {
        std::vector<std::string> full{"--db", db_, "--user", kUser};
        full.insert(full.end(), args.begin(), args.end());
        return run_cli(full);
    }
    // Runs a command that must succeed.
    Run ok(const std::vector<std::string>& args) const {
        Run r = run(args);
        BOOST_REQUIRE_MESSAGE(r.code == 0, r.command << " exited with " << r.code << ":\n"
                                                     << r.err);
        return r;
    }
    // A command run with --json that must succeed; its output parsed.
    json list(std::vector<std::string> args) const {
        args.insert(args.begin(), "--json");
        return parse_json(ok(args));
    }
    Run ok_json(std::vector<std::string> args) const {
        args.insert(args.begin(), "--json");
        return ok(args);
    }
    // Runs a command that must fail with a message on stderr and nothing on stdout.
    Run fails(const std::vector<std::string>& args, int code = 1) const {
        Run r = run(args);
        BOOST_TEST_CONTEXT(r.command) {
            BOOST_TEST(r.code == code);
            BOOST_TEST(r.out.empty(), r.out);
            BOOST_TEST(!r.err.empty());
        }
        return r;
    }
    // As run(), with the program's clock set by DIANJIA_NOW to `now` instead of the suite's.
    Run run_at(const std::string& now, const std::vector<std::string>& args) const {
        ScopedNow scoped(now);
        return run(args);
    }
    json list_at(const std::string& now, std::vector<std::string> args) const {
        ScopedNow scoped(now);
        return list(std::move(args));
    }
    json stock() const { return list({"stock", "list"}); }
    json ledger() const { return list({"ledger"}); }
    std::map<std::string, long long> stats() const {
        std::map<std::string, long long> out;
        for (const json& row : list({"stats"}))
            out[str(row, "what")] = num(row, "count");
        return out;
    }

  private:
    TempDir dir_;
    std::string db_;
};

// A shop with the good catalogue, warehouses CZ (bins A-01-01, A-01-02) and SH.
struct StockShop : Shop {
    StockShop() {
        ok({"init"});
        ok({"sku", "import", fixture("skus_good.csv")});
        ok({"warehouse", "add", "CZ", "常州仓"});
        ok({"warehouse", "add", "SH", "上海仓"});
        ok({"location", "add", "CZ", "A-01-01", "--walk", "10"});
        ok({"location", "add", "CZ", "A-01-02", "--walk", "20"});
    }
};

// StockShop plus stores tb-main (taobao) and jd-1 (jd) shipping from CZ, 10 TEA-001 at 10.00
// and 5 MILK-01 of lot L1 at 3.20 in CZ.
struct OrderShop : StockShop {
    OrderShop() {
        ok({"store", "add", "--code", "tb-main", "--name", "天猫旗舰店", "--platform", "taobao",
            "--warehouse", "CZ"});
        ok({"store", "add", "--code", "jd-1", "--name", "京东自营", "--platform", "jd",
            "--warehouse", "CZ"});
        ok({"stock", "receive", "TEA-001", "10", "-w", "CZ", "--cost", "10.00"});
        ok({"stock", "receive", "MILK-01", "5", "-w", "CZ", "--cost", "3.20", "--batch", "L1",
            "--expiry", "2027-01-31"});
    }
};

// OrderShop with orders_good.json imported, so stock is reserved.
struct ErrorShop : OrderShop {
    ErrorShop() { ok({"orders", "import", fixture("orders_good.json")}); }

    // `args` must fail (exit 1), name every part on stderr, print nothing and change nothing.
    void refused_unchanged(const std::vector<std::string>& args,
                           std::initializer_list<std::string> parts) const {
        auto before = dump_db(db());
        Run r = run(args);
        BOOST_TEST_CONTEXT(r.command) {
            BOOST_TEST(r.code == 1);
            BOOST_TEST(r.out.empty());
            BOOST_TEST(contains(r.err, "dianjia-cli: "));
            for (const std::string& p : parts)
                BOOST_TEST(contains(r.err, p), "stderr lacks [" << p << "]: " << r.err);
        }
        require_same_dump(before, dump_db(db()));
    }
};

inline const std::string kOrder1 = "3912345678901234567";  // tb-main, 2 x TEA-001, 张**
inline const std::string kOrder2 = "3912345678901234568";  // tb-main, 100 x MILK-01 (short)
inline const std::string kOrder3 = "250001234567";  // jd-1, 3 x TEA-001, id given as a number
inline const std::string kOrder4 = "3912345678901234569";  // tb-main, pending payment

}  // namespace cli_test
