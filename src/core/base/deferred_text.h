#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace dj {

// Words stored now and read later, perhaps by someone using another language: a hold's reason,
// a rule's "why". The msgid and its arguments are kept (an argument is plain text, or deferred
// text itself; at most six) and translated when read, so a reason written by a command run in
// English reads in Chinese in the Chinese window. xgettext extracts deferred() like tr().
std::string deferred(const char* msgid, std::initializer_list<std::string_view> args = {});

// Stored text in the reader's language: every deferred piece in it translated and filled in,
// anything else as it is.
std::string readable(std::string_view stored);

}  // namespace dj
