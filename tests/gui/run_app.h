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

// The window runs as the OS user of the test: the shops' keys (files in the data folder where no
// keyring runs) go from the test's data folder to the window's HOME before it starts, and back
// after, so each reads what the other sealed.
inline void share_shop_keys(const std::filesystem::path& home, bool to_window) {
    const char* data = std::getenv("XDG_DATA_HOME");
    if (!data || !*data) return;
    namespace fs = std::filesystem;
    fs::path test_keys = fs::path(data) / "dianjia" / "keys";
    fs::path window_keys = home / ".local" / "share" / "dianjia" / "keys";
    const fs::path& from = to_window ? test_keys : window_keys;
    const fs::path& to = to_window ? window_keys : test_keys;
    std::error_code ec;
    if (!fs::is_directory(from, ec)) return;
    fs::create_directories(to, ec);
    fs::copy(from, to, fs::copy_options::overwrite_existing | fs::copy_options::recursive, ec);
}

// Starts the real window (DJ_APP_PATH) on `db` under Xvfb with its own HOME, showing `view` in
// `lang`, and lets its screenshot mode save `png` and exit once everything it started is done.
// Returns the exit status; the program's output is in `out`.
inline int run_app(const std::string& db, const std::string& view, const std::string& lang,
                   const std::filesystem::path& home, const std::string& png,
                   const std::string& out) {
    std::filesystem::create_directories(home);
    std::string command =
        "env HOME='" + home.string() +
        "' XDG_DATA_HOME= DIANJIA_KEYRING=off timeout 90 xvfb-run -a -s '-screen 0 "
        "1280x800x24' '" DJ_APP_PATH "' --db '" +
        db + "' --view " + view + " --lang " + lang + " --screenshot '" + png + "' > '" + out +
        "' 2>&1";
    share_shop_keys(home, true);
    int status = std::system(command.c_str());
    share_shop_keys(home, false);
    return status;
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
    std::filesystem::path out = home / "drive.out";
    std::string command = "env DJ_STEP_SHOTS='" + step_shot_dir().string() + "' HOME='" +
                          home.string() +
                          "' XDG_DATA_HOME= DIANJIA_KEYRING=off timeout 120 xvfb-run -a -n " +
                          std::to_string(200 + getpid() % 500) +
                          " -s '-screen 0 1280x800x24' dbus-run-session -- /usr/bin/python3 '" +
                          DJ_DRIVER + "' '" + DJ_APP_PATH + "' '" + db + "' " + view + " zh_CN";
    for (const std::string& s : steps)
        command += " '" + s + "'";
    command += " > '" + out.string() + "' 2>&1";
    share_shop_keys(home, true);
    int status = std::system(command.c_str());
    share_shop_keys(home, false);
    if (status != 0) std::cerr << read_all(out);
    return status;
}

}  // namespace dj::test
