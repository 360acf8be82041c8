#include "ops/change_feed.h"

#include <algorithm>
#include <chrono>

#include "core/base/log.h"
#include "store/base/database.h"

namespace dj::ops {
namespace {

constexpr int kWaitMs = 400;        // how long one wait lasts: the stop flag is read between
constexpr int kReconnectMs = 3000;  // between tries while the server cannot be reached
constexpr int kConnectBusyMs = 2000;

}  // namespace

ChangeFeed::ChangeFeed(std::string location, const Clock& clock, Handlers handlers)
    : location_(std::move(location)), clock_(clock), handlers_(std::move(handlers)) {
    thread_ = std::thread([this] { run(); });
}

ChangeFeed::~ChangeFeed() {
    stop_ = true;
    thread_.join();
}

void ChangeFeed::run() {
    std::unique_ptr<Database> db;
    bool was_lost = false;
    std::string last_problem;
    while (!stop_) {
        try {
            if (!db) {
                db = std::make_unique<Database>(location_, clock_, Database::Mode::existing,
                                                kConnectBusyMs);
                db->wait_for_changes(0);  // starts listening
                if (handlers_.connection) handlers_.connection(true, {});
                if (was_lost && handlers_.changed) handlers_.changed({"*"});
                was_lost = false;
                last_problem.clear();
            }
            std::vector<std::string> tables = db->wait_for_changes(kWaitMs);
            std::sort(tables.begin(), tables.end());
            tables.erase(std::unique(tables.begin(), tables.end()), tables.end());
            if (!tables.empty() && handlers_.changed) handlers_.changed(tables);
        } catch (const std::exception& e) {
            db.reset();
            was_lost = true;
            if (e.what() != last_problem) {
                log_message(LogLevel::warning, e.what());
                last_problem = e.what();
            }
            if (handlers_.connection) handlers_.connection(false, e.what());
            for (int waited = 0; waited < kReconnectMs && !stop_; waited += 100)
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
}

}  // namespace dj::ops
