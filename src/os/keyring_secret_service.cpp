#include <libsecret/secret.h>

#include <stdexcept>

#include "os/keyring.h"

namespace dj::os::keyring {
namespace {

const SecretSchema* schema() {
    static const SecretSchema s = {
        "cn.dianjia.Secret",
        SECRET_SCHEMA_NONE,
        {{"name", SECRET_SCHEMA_ATTRIBUTE_STRING}, {nullptr, SECRET_SCHEMA_ATTRIBUTE_STRING}},
        0,
        nullptr,
        nullptr,
        nullptr,
        nullptr,
        nullptr,
        nullptr,
        nullptr};
    return &s;
}

std::string take_message(GError* error) {
    std::string message = error && error->message ? error->message : "unknown";
    if (error) g_error_free(error);
    return message;
}

}  // namespace

std::optional<std::string> find(const std::string& name) {
    GError* error = nullptr;
    gchar* secret =
        secret_password_lookup_sync(schema(), nullptr, &error, "name", name.c_str(), nullptr);
    if (error) g_error_free(error);  // no keyring running: as if nothing were kept
    if (!secret) return std::nullopt;
    std::string out(secret);
    secret_password_free(secret);
    return out;
}

void keep(const std::string& name, const std::string& label, const std::string& secret) {
    GError* error = nullptr;
    if (!secret_password_store_sync(schema(), SECRET_COLLECTION_DEFAULT, label.c_str(),
                                    secret.c_str(), nullptr, &error, "name", name.c_str(), nullptr))
        throw std::runtime_error(take_message(error));
}

void forget(const std::string& name) {
    GError* error = nullptr;
    secret_password_clear_sync(schema(), nullptr, &error, "name", name.c_str(), nullptr);
    if (error) throw std::runtime_error(take_message(error));
}

}  // namespace dj::os::keyring
