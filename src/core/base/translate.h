#pragma once

#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>

namespace dj {

// The core cannot include wx, so the program installs its catalogue lookup here at start-up;
// until then messages stay in English. xgettext extracts tr() and trf() like _().
using Translator = std::function<std::string(const char* msgid)>;
void set_translator(Translator translator);

std::string tr(const char* msgid);

// Marks a msgid for extraction where the text is translated later, with tr(), only if needed.
constexpr const char* tr_noop(const char* msgid) {
    return msgid;
}

// Replaces {0}, {1}, ... in the translated message, so translators can reorder arguments.
std::string format_message(std::string_view pattern, std::initializer_list<std::string_view> args);

template <class... Args>
std::string trf(const char* msgid, const Args&... args) {
    return format_message(tr(msgid), {std::string_view(args)...});
}

}  // namespace dj
