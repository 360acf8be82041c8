#include <unistd.h>

#include <cstdlib>

#include "os/computer_name.h"

namespace dj::os {

std::string computer_name() {
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) == 0 && host[0]) return host;
    const char* env = std::getenv("HOSTNAME");
    return env && *env ? env : "localhost";
}

}  // namespace dj::os
