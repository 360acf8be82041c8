#pragma once

#include <string>
#include <vector>

namespace dj::os {

// The program's arguments (without the program name) as UTF-8, for a console program. On
// Windows they are read as UTF-16, since argv is in the ANSI code page, and the console is
// switched to UTF-8 output so Chinese text shows.
std::vector<std::string> utf8_arguments(int argc, char** argv);

}  // namespace dj::os
