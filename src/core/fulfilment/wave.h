#pragma once

#include <string>
#include <vector>

#include "core/base/types.h"
#include "core/fulfilment/pick_list.h"
#include "core/orders/order.h"

namespace dj {

enum class WaveStatus { open, closed };

// A group of orders picked in one walk. Its number (e.g. W20261124-003, shop date and the day's
// sequence) is printed as a barcode on the pick sheet.
struct WaveInfo {
    Id id = 0;
    std::string number;
    std::string warehouse;  // code
    std::string warehouse_name;
    std::string carrier;
    bool single_item = false;
    WaveStatus status = WaveStatus::open;
    Timestamp created_at = 0;
    int orders = 0;  // parcels (a merged parcel counts once)
    Qty units = 0;
    int packed = 0;  // parcels packed so far
};

// An order's place on the put wall (播种墙).
struct WaveSlot {
    int slot = 0;
    Id order_id = 0;
    std::string platform_order_id;
    Qty units = 0;
};

// Everything a pick sheet prints.
struct PickSheet {
    WaveInfo wave;
    std::vector<WaveSlot> slots;
    std::vector<PickStop> stops;
};

}  // namespace dj
