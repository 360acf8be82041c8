#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace dj::test {

inline std::string read_all(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Starts the real window (DJ_APP_PATH) on `db` under Xvfb with its own HOME, showing `view` in
// `lang`, and lets its screenshot mode save `png` and exit once everything it started is done.
// Returns the exit status; the program's output is in `out`.
inline int run_app(const std::string& db, const std::string& view, const std::string& lang,
                   const std::filesystem::path& home, const std::string& png,
                   const std::string& out) {
    std::filesystem::create_directories(home);
    std::string command = "env HOME='" + home.string() +
                          "' XDG_DATA_HOME= timeout 90 xvfb-run -a -s '-screen 0 "
                          "1280x800x24' '" DJ_APP_PATH "' --db '" +
                          db + "' --view " + view + " --lang " + lang + " --screenshot '" + png +
                          "' > '" + out + "' 2>&1";
    return std::system(command.c_str());
}

}  // namespace dj::test
