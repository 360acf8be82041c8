#pragma once

#include <string>

namespace dj::os {

// The folder the user's Dianjia data belongs in, as UTF-8, not created here: %APPDATA%\Dianjia
// on Windows, $XDG_DATA_HOME/dianjia or ~/.local/share/dianjia elsewhere. Empty when the
// environment names no such place.
std::string user_data_folder();

// The folder of the running program, as UTF-8: files installed beside it (label templates,
// translations) are looked up there first.
std::string program_folder();

}  // namespace dj::os
