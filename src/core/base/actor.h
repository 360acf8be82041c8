#pragma once

#include <string>

namespace dj {

// Who changes data: every write carries one, and it is recorded with the change.
struct Actor {
    std::string user;
    std::string role;  // owner, packer, accountant, system
    std::string workstation;
};

}  // namespace dj
