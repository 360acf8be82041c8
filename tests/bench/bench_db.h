#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

#include "store/testing/sql_probe.h"

namespace dj::bench {

// The shop server the benchmarks run against instead of files (tests/bench/server_bench.sh), or
// none.
inline const char* bench_server() {
    const char* url = std::getenv("DJ_BENCH_POSTGRES");
    return url && *url ? url : nullptr;
}

// Where a benchmark's shop lives, empty: a new file `name` in `dir`, or with DJ_BENCH_POSTGRES a
// new schema on that server.
inline std::string fresh_database(const std::filesystem::path& dir, const std::string& name) {
    if (const char* server = bench_server()) {
        std::string schema = "bench_";
        for (char c : name)
            schema += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
        testing::SqlProbe(server).exec("DROP SCHEMA IF EXISTS " + schema +
                                       " CASCADE; CREATE SCHEMA " + schema);
        const std::string base = server;
        return base + (base.find('?') == std::string::npos ? "?" : "&") +
               "options=-csearch_path%3D" + schema;
    }
    std::filesystem::path p = dir / name;
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(p.string() + suffix);
    return p.string();
}

// "SQLite" or "PostgreSQL", for the printed figures.
inline const char* engine_name() {
    return bench_server() ? "PostgreSQL" : "SQLite";
}

}  // namespace dj::bench
