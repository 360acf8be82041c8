#pragma once

#include <string>

namespace dj::cli {

// A command-line parser's complaint (CLI11 writes English) in the interface language: a missing
// argument or subcommand, a value that is not a number, a value outside its range or its list,
// words not expected. Anything else is kept, introduced in the interface language.
std::string usage_error_text(const std::string& message);

}  // namespace dj::cli
