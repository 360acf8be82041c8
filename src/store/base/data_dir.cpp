#include "store/base/data_dir.h"

#include <filesystem>

#include "os/data_folder.h"
#include "os/utf8_path.h"

namespace dj {

std::string user_data_dir() {
    namespace fs = std::filesystem;
    std::string folder = os::user_data_folder();
    fs::path dir = folder.empty() ? fs::current_path() : os::utf8_path(folder);
    std::error_code ec;
    fs::create_directories(dir, ec);
    return os::utf8_string(dir);
}

std::string default_database_path() {
    return os::utf8_string(os::utf8_path(user_data_dir()) / "dianjia.db");
}

}  // namespace dj
