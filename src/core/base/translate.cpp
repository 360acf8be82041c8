#include "core/base/translate.h"

#include <mutex>
#include <vector>

namespace dj {
namespace {

std::mutex& translator_mutex() {
    static std::mutex m;
    return m;
}

Translator& current_translator() {
    static Translator t;
    return t;
}

}  // namespace

void set_translator(Translator translator) {
    std::lock_guard lock(translator_mutex());
    current_translator() = std::move(translator);
}

std::string tr(const char* msgid) {
    Translator t;
    {
        std::lock_guard lock(translator_mutex());
        t = current_translator();
    }
    return t ? t(msgid) : std::string(msgid);
}

std::string format_message(std::string_view pattern, std::initializer_list<std::string_view> args) {
    std::vector<std::string_view> values(args);
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{') {
            std::size_t close = pattern.find('}', i);
            if (close != std::string_view::npos && close > i + 1) {
                std::string_view digits = pattern.substr(i + 1, close - i - 1);
                bool numeric = digits.find_first_not_of("0123456789") == std::string_view::npos;
                if (numeric) {
                    std::size_t index = std::stoul(std::string(digits));
                    if (index < values.size()) {
                        out.append(values[index]);
                        i = close;
                        continue;
                    }
                }
            }
        }
        out.push_back(pattern[i]);
    }
    return out;
}

}  // namespace dj
