#pragma once

#include <optional>
#include <string>

namespace dj::os {

// Asks for a secret on the terminal without showing what is typed: `prompt` on stderr, one
// line read. None when the input is not a terminal (a script, a pipe): nobody to ask.
std::optional<std::string> ask_secret(const std::string& prompt);

}  // namespace dj::os
