#include <windows.h>
// wincred.h needs windows.h first.
#include <wincred.h>

#include <stdexcept>

#include "os/keyring.h"
#include "os/wide_text.h"

namespace dj::os::keyring {
namespace {

std::wstring target(const std::string& name) {
    return L"Dianjia:" + wide_from_utf8(name);
}

std::string why(DWORD code) {
    return "Windows Credential Manager error " + std::to_string(code);
}

}  // namespace

std::optional<std::string> find(const std::string& name) {
    PCREDENTIALW found = nullptr;
    if (!CredReadW(target(name).c_str(), CRED_TYPE_GENERIC, 0, &found)) return std::nullopt;
    std::string secret(reinterpret_cast<const char*>(found->CredentialBlob),
                       found->CredentialBlobSize);
    CredFree(found);
    return secret;
}

void keep(const std::string& name, const std::string& label, const std::string& secret) {
    std::wstring t = target(name);
    std::wstring comment = wide_from_utf8(label);
    CREDENTIALW c{};
    c.Type = CRED_TYPE_GENERIC;
    c.TargetName = t.data();
    c.Comment = comment.data();
    c.CredentialBlobSize = static_cast<DWORD>(secret.size());
    c.CredentialBlob = reinterpret_cast<LPBYTE>(const_cast<char*>(secret.data()));
    c.Persist = CRED_PERSIST_LOCAL_MACHINE;
    if (!CredWriteW(&c, 0)) throw std::runtime_error(why(GetLastError()));
}

void forget(const std::string& name) {
    if (!CredDeleteW(target(name).c_str(), CRED_TYPE_GENERIC, 0) &&
        GetLastError() != ERROR_NOT_FOUND)
        throw std::runtime_error(why(GetLastError()));
}

}  // namespace dj::os::keyring
