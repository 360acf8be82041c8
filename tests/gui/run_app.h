#pragma once

#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

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

// Where a driven test keeps the screenshot taken after each of its steps, to be looked at:
// steps/<suite>.<case>/ beside the test (TMPDIR is the test's build folder).
inline std::filesystem::path step_shot_dir() {
    const auto& test = boost::unit_test::framework::current_test_case();
    std::string suite =
        boost::unit_test::framework::get<boost::unit_test::test_suite>(test.p_parent_id).p_name;
    const char* base = std::getenv("TMPDIR");
    std::filesystem::path dir = std::filesystem::path(base ? base : "/tmp") / "steps" /
                                (suite + "." + std::string(test.p_name));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

// Starts the real window (DJ_APP_PATH) on `db` showing `view` in Chinese under Xvfb and a D-Bus
// session of its own, and drives it through AT-SPI with tests/gui/drive_app.py (DJ_DRIVER):
// `steps` as that script describes them, with a screenshot after each (step_shot_dir()).
// Returns the exit status (0: every step done); on failure the driver's output goes to stderr.
inline int drive_app(const std::filesystem::path& home, const std::string& db,
                     const std::string& view, const std::vector<std::string>& steps) {
    std::filesystem::create_directories(home);
    // The window runs as the OS user who made the shop: it gets the shop keys this test process
    // kept (where no keyring runs, files in the data folder).
    if (const char* data = std::getenv("XDG_DATA_HOME"); data && *data) {
        std::filesystem::path keys = std::filesystem::path(data) / "dianjia" / "keys";
        std::error_code ec;
        if (std::filesystem::is_directory(keys, ec)) {
            std::filesystem::path mine = home / ".local" / "share" / "dianjia" / "keys";
            std::filesystem::create_directories(mine);
            std::filesystem::copy(keys, mine,
                                  std::filesystem::copy_options::overwrite_existing |
                                      std::filesystem::copy_options::recursive,
                                  ec);
        }
    }
    std::filesystem::path out = home / "drive.out";
    std::string command = "env DJ_STEP_SHOTS='" + step_shot_dir().string() + "' HOME='" +
                          home.string() + "' XDG_DATA_HOME= timeout 120 xvfb-run -a -n " +
                          std::to_string(200 + getpid() % 500) +
                          " -s '-screen 0 1280x800x24' dbus-run-session -- /usr/bin/python3 '" +
                          DJ_DRIVER + "' '" + DJ_APP_PATH + "' '" + db + "' " + view + " zh_CN";
    for (const std::string& s : steps)
        command += " '" + s + "'";
    command += " > '" + out.string() + "' 2>&1";
    int status = std::system(command.c_str());
    if (status != 0) std::cerr << read_all(out);
    return status;
}

}  // namespace dj::test
