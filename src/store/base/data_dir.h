#pragma once

#include <string>

namespace dj {

// The user's data folder for Dianjia (created if missing):
// %APPDATA%\Dianjia on Windows, $XDG_DATA_HOME/dianjia or ~/.local/share/dianjia elsewhere.
std::string user_data_dir();
std::string default_database_path();

}  // namespace dj
