#pragma once

#include <string>
#include <vector>

#include "core/base/types.h"

namespace dj {

// A person who logs in. Their password and PIN are kept only as argon2id hashes, never here.
struct User {
    Id id = 0;
    std::string name;
    std::string role;  // a built-in role (core/base/role.h) or a custom role's name
    std::vector<std::string> warehouses;  // codes; empty for all
    std::string badge;                    // the pack-station badge's barcode; empty for none
    bool has_pin = false;
    bool disabled = false;
    int failures = 0;            // wrong passwords or PINs in a row
    Timestamp locked_until = 0;  // no login before this
    Timestamp created_at = 0;
};

}  // namespace dj
