#include "store/data_dir.h"

#include <cstdlib>
#include <filesystem>

namespace dj {

std::string user_data_dir() {
    namespace fs = std::filesystem;
    fs::path dir;
#ifdef _WIN32
    if (const char* appdata = std::getenv("APPDATA")) dir = fs::path(appdata) / "Dianjia";
#else
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        dir = fs::path(xdg) / "dianjia";
    else if (const char* home = std::getenv("HOME"))
        dir = fs::path(home) / ".local" / "share" / "dianjia";
#endif
    if (dir.empty()) dir = fs::current_path();
    std::error_code ec;
    fs::create_directories(dir, ec);
    return dir.string();
}

std::string default_database_path() {
    return (std::filesystem::path(user_data_dir()) / "dianjia.db").string();
}

}  // namespace dj
