#include "store/base/database_location.h"

#include <regex>

#include "core/base/percent_encode.h"

namespace dj::sql {

bool is_postgres_url(const std::string& location) {
    return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

bool url_has_password(const std::string& url) {
    static const std::regex in_user(R"(^postgres(?:ql)?://[^:@/]*:[^@/]*@)");
    static const std::regex in_query(R"([?&]password=)");
    return is_postgres_url(url) &&
           (std::regex_search(url, in_user) || std::regex_search(url, in_query));
}

std::string redact_url(const std::string& url) {
    static const std::regex password(R"(^(postgres(?:ql)?://[^:@/]*):[^@]*@)");
    return std::regex_replace(url, password, "$1:***@");
}

std::string url_database_name(const std::string& url) {
    const std::size_t scheme = url.find("://");
    if (scheme == std::string::npos) return {};
    const std::size_t slash = url.find('/', scheme + 3);
    if (slash == std::string::npos) return {};
    return url.substr(slash + 1, url.find('?', slash) - slash - 1);
}

std::string server_url(const std::string& host, int port, const std::string& database,
                       const std::string& user) {
    if (!host.empty() && host.front() == '/')
        return "postgresql://" + percent_encode(user) + "@/" + percent_encode(database) +
               "?host=" + percent_encode(host) + "&port=" + std::to_string(port);
    return "postgresql://" + percent_encode(user) + "@" + host + ":" + std::to_string(port) + "/" +
           percent_encode(database);
}

}  // namespace dj::sql
