#pragma once

#include <cstdint>
#include <string>

#include "core/base/actor.h"

namespace dj {

class Database;

struct DemoOptions {
    int orders = 2000;       // open orders waiting to ship
    std::uint64_t seed = 1;  // same seed, same shop
    int history_days = 90;
    long today_days = 0;  // days since 1970-01-01 the history ends on; 0: the clock's today
    // Where every store's platform calls go (`dianjia-cli simulate`'s default port); empty:
    // the stores are left unconnected.
    std::string platform_endpoint = "http://127.0.0.1:8701";
};

struct DemoReport {
    int skus = 0;
    int locations = 0;
    long long movements = 0;
    int orders = 0;
    int allocated = 0;
};

// Builds a realistic shop into an empty database: four stores (one per platform), 常州仓 and
// 广州仓 with a few hundred locations, about 500 SKUs with suppliers, 90 days of stock history
// (receipts, shipments, returns, counts, transfers, scrap) and `orders` open orders with Chinese
// receivers, some masked as the platforms send them; the stores are connected to
// `platform_endpoint`. Deterministic for a seed. Refuses a
// database that already has SKUs.
DemoReport build_demo_shop(Database& db, const DemoOptions& options, const Actor& actor);

}  // namespace dj
