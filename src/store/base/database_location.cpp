#include "store/base/database_location.h"

#include <regex>

namespace dj::sql {

bool is_postgres_url(const std::string& location) {
    return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::string redact_url(const std::string& url) {
    static const std::regex password(R"(^(postgres(?:ql)?://[^:@/]*):[^@]*@)");
    return std::regex_replace(url, password, "$1:***@");
}

}  // namespace dj::sql
