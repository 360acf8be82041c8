#pragma once

#include <string>

#include "core/base/platform.h"
#include "core/base/types.h"

namespace dj {

// How one store reaches its platform: the seller's app credentials and access token. The
// endpoint replaces only the platform's scheme and host (a relay or the simulator).
struct StoreConnection {
    Id store_id = 0;
    std::string store_code;
    Platform platform = Platform::taobao;
    std::string app_key;
    std::string app_secret;
    std::string token;
    std::string endpoint;           // empty: the platform's own gateway
    std::string sign_method;        // empty: the adapter's default
    int stock_share_percent = 100;  // of available stock offered on this store
    Qty stock_buffer = 0;           // units kept back before the share is taken
};

// Sellable quantity a store may offer from `available` local units.
Qty sellable_quantity(Qty available, int share_percent, Qty buffer);

}  // namespace dj
