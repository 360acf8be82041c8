#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/fulfilment/pack_check.h"

namespace dj {

class Database;

// The order a packer scanned: by platform order id (any store) or by local number "#123".
std::optional<Id> find_order_for_packing(Database& db, const std::string& scanned);

// What the parcel of an order must contain: the local SKUs of every order in the parcel (see
// order_merge.h) with quantities and barcodes.
std::vector<PackItem> order_pack_items(Database& db, Id order_id);

}  // namespace dj
