#pragma once

#include <string>

namespace dj::os {

// This computer's name as UTF-8, recorded as the workstation in the audit log.
std::string computer_name();

}  // namespace dj::os
