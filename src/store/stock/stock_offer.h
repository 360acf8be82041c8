#pragma once

#include <optional>
#include <set>

#include "core/base/types.h"

namespace dj {

class Database;

// What each connected store may sell of each platform SKU it lists: the available stock of
// the store's warehouse (a bundle: whole sets only), less the store's buffer, times its share
// (StoreConnection). When that figure differs from the one last queued, the new one goes to
// the outbox, so the platform hears of every change and of nothing twice. Runs inside the
// caller's transaction, which is the one that changed the stock.
//
// `skus`: only platform SKUs made of these local SKUs; none: every platform SKU (a store's
// settings or mappings may have changed). Returns how many figures were queued.
int queue_stock_offers(Database& db, Timestamp now,
                       const std::optional<std::set<Id>>& skus = std::nullopt);

}  // namespace dj
