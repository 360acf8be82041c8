#include "core/base/log.h"

#include <iostream>
#include <mutex>

namespace dj {
namespace {

std::mutex& sink_mutex() {
    static std::mutex m;
    return m;
}

LogSink& sink() {
    static LogSink s;
    return s;
}

}  // namespace

void set_log_sink(LogSink s) {
    std::lock_guard lock(sink_mutex());
    sink() = std::move(s);
}

void log_message(LogLevel level, const std::string& message) {
    LogSink s;
    {
        std::lock_guard lock(sink_mutex());
        s = sink();
    }
    if (s) {
        s(level, message);
        return;
    }
    std::cerr << (level == LogLevel::info      ? ""
                  : level == LogLevel::warning ? "warning: "
                                               : "error: ")
              << message << "\n";
}

}  // namespace dj
