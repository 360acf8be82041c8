#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "os/data_folder.h"
#include "os/keyring.h"
#include "os/private_file.h"
#include "os/protected_store.h"

namespace dj::os::protected_store {
namespace {

// Without a session bus no Secret Service answers; asking would only start a bus to be refused.
// DIANJIA_KEYRING=off keeps keys in the private file even where one runs (a keyring that is not
// unlocked at login would ask for its password at every start).
bool keyring_may_answer() {
    const char* off = std::getenv("DIANJIA_KEYRING");
    if (off && std::string(off) == "off") return false;
    const char* bus = std::getenv("DBUS_SESSION_BUS_ADDRESS");
    return bus && *bus;
}

std::string key_file(const std::string& name) {
    std::string folder = user_data_folder();
    if (folder.empty())
        throw std::runtime_error("no folder for this OS user's data (set HOME or XDG_DATA_HOME)");
    return folder + "/keys/" + name;
}

}  // namespace

std::optional<std::string> find(const std::string& name) {
    if (keyring_may_answer())
        if (std::optional<std::string> kept = keyring::find(name)) return kept;
    std::ifstream in(key_file(name), std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void keep(const std::string& name, const std::string& label, const std::string& secret) {
    if (keyring_may_answer()) {
        try {
            keyring::keep(name, label, secret);
            return;
        } catch (const std::runtime_error&) {
            // No keyring after all (none unlocked, none installed): the private file.
        }
    }
    write_private_file(key_file(name), secret);
}

}  // namespace dj::os::protected_store
