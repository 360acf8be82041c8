#include "core/orders/store_connection.h"

#include <algorithm>

namespace dj {

Qty sellable_quantity(Qty available, int share_percent, Qty buffer) {
    Qty offered = std::max<Qty>(0, available - std::max<Qty>(0, buffer));
    return offered * std::clamp(share_percent, 0, 100) / 100;
}

}  // namespace dj
