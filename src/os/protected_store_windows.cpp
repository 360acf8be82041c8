#include <windows.h>
// wincrypt.h (DPAPI) needs windows.h first.
#include <wincrypt.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "os/data_folder.h"
#include "os/private_file.h"
#include "os/protected_store.h"
#include "os/utf8_path.h"
#include "os/wide_text.h"

namespace dj::os::protected_store {
namespace {

std::string key_file(const std::string& name) {
    std::string folder = user_data_folder();
    if (folder.empty()) throw std::runtime_error("no folder for this Windows user's data");
    return folder + "\\keys\\" + name + ".dpapi";
}

std::string blob_text(const DATA_BLOB& blob) {
    return std::string(reinterpret_cast<const char*>(blob.pbData), blob.cbData);
}

}  // namespace

std::optional<std::string> find(const std::string& name) {
    std::ifstream in(utf8_path(key_file(name)), std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    std::string sealed = text.str();
    DATA_BLOB in_blob{static_cast<DWORD>(sealed.size()), reinterpret_cast<BYTE*>(sealed.data())};
    DATA_BLOB out_blob{};
    if (!CryptUnprotectData(&in_blob, nullptr, nullptr, nullptr, nullptr, CRYPTPROTECT_UI_FORBIDDEN,
                            &out_blob))
        return std::nullopt;  // another user's or another computer's: as if none were kept
    std::string secret = blob_text(out_blob);
    SecureZeroMemory(out_blob.pbData, out_blob.cbData);
    LocalFree(out_blob.pbData);
    return secret;
}

void keep(const std::string& name, const std::string& label, const std::string& secret) {
    std::wstring description = wide_from_utf8(label);
    DATA_BLOB in_blob{static_cast<DWORD>(secret.size()),
                      reinterpret_cast<BYTE*>(const_cast<char*>(secret.data()))};
    DATA_BLOB out_blob{};
    if (!CryptProtectData(&in_blob, description.c_str(), nullptr, nullptr, nullptr,
                          CRYPTPROTECT_UI_FORBIDDEN, &out_blob))
        throw std::runtime_error("Windows cannot protect the key (CryptProtectData failed)");
    std::string sealed = blob_text(out_blob);
    LocalFree(out_blob.pbData);
    write_private_file(key_file(name), sealed);
}

}  // namespace dj::os::protected_store
