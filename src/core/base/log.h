#pragma once

#include <functional>
#include <string>

namespace dj {

enum class LogLevel { info, warning, error };

// Where messages that are no operation's answer go (a follow-up that failed after its change was
// committed, say): the window shows and files them, dianjia-cli writes them to stderr. Until a
// program sets its sink, stderr. The sink may be called from any thread.
using LogSink = std::function<void(LogLevel, const std::string&)>;
void set_log_sink(LogSink sink);
void log_message(LogLevel level, const std::string& message);

}  // namespace dj
