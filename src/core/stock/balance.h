#pragma once

#include "core/base/types.h"

namespace dj {

// Stock of one SKU in one warehouse.
struct Balance {
    Qty on_hand = 0;
    Qty reserved = 0;
    Qty in_transit = 0;  // sent from another warehouse, not yet arrived here

    Qty available() const { return on_hand - reserved; }
    bool operator==(const Balance&) const = default;
};

}  // namespace dj
