#include "ops/server_password.h"

#include <stdexcept>

#include "core/base/error.h"
#include "core/base/translate.h"
#include "os/keyring.h"
#include "store/base/database.h"
#include "store/base/database_location.h"

namespace dj::ops {
namespace {

// The server without any password: the same shop reached as the same user is one entry.
std::string keyring_name(const std::string& url) {
    return "shop server " + sql::redact_url(url);
}

}  // namespace

std::string server_location(const std::string& url) {
    return sql::redact_url(url);
}

void find_server_passwords_in_keyring() {
    Database::find_server_passwords_in(
        [](const std::string& url) { return os::keyring::find(keyring_name(url)); });
}

void keep_server_password(const std::string& url, const std::string& password) {
    try {
        os::keyring::keep(keyring_name(url),
                          trf("Dianjia: password for the shop server {0}", sql::redact_url(url)),
                          password);
    } catch (const std::runtime_error& e) {
        throw StorageError(
            trf("This computer could not keep the password for {0} in its keyring ({1}). It is "
                "used until the program ends; keep it in the PostgreSQL password file instead.",
                sql::redact_url(url), e.what()));
    }
    Database::use_server_password(url, password);
}

bool forget_server_password(const std::string& url) {
    const bool kept = os::keyring::find(keyring_name(url)).has_value();
    try {
        os::keyring::forget(keyring_name(url));
    } catch (const std::runtime_error& e) {
        throw StorageError(trf("This computer's keyring could not forget the password for {0}: {1}",
                               sql::redact_url(url), e.what()));
    }
    return kept;
}

}  // namespace dj::ops
