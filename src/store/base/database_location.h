#pragma once

#include <string>

namespace dj::sql {

// True for a postgresql:// (or postgres://) address: the shop lives on a server, not in a file.
bool is_postgres_url(const std::string& location);

// The address carries a password (postgresql://USER:PASSWORD@… or password=…).
bool url_has_password(const std::string& url);

// The database the address names (postgresql://HOST/NAME?… → NAME); empty when it names none.
std::string url_database_name(const std::string& url);

// postgresql://USER@HOST:PORT/DATABASE; a HOST starting with '/' is the folder of a unix socket.
std::string server_url(const std::string& host, int port, const std::string& database,
                       const std::string& user);

// The address as it may be shown and logged: a password written into it blotted out.
std::string redact_url(const std::string& url);

}  // namespace dj::sql
