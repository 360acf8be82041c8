#pragma once

#include <memory>

#include "platform_adapter.h"

namespace dj {

using AdapterFactory =
    std::function<std::unique_ptr<PlatformAdapter>(const StoreConnection&, HttpClient&)>;

// The adapter for the connection's platform. Throws PlatformConfigError when none is
// registered.
std::unique_ptr<PlatformAdapter> make_adapter(const StoreConnection& connection, HttpClient& http);

}  // namespace dj
