#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/base/platform.h"
#include "core/orders/order.h"
#include "core/orders/store_connection.h"
#include "core/orders/sync_window.h"
#include "http_client.h"

namespace dj {

struct Shipment {
    std::string platform_order_id;
    std::string carrier;  // the platform's carrier code or id (see list_carriers)
    std::string tracking_no;
};

struct StockUpdate {
    std::string platform_sku;  // the platform's SKU id
    Qty quantity = 0;
};

// A carrier as one platform names it; the shop's own carrier list is core/fulfilment/carrier.h.
struct PlatformCarrier {
    std::string code;  // what confirm_shipment expects
    std::string name;
};

// One page of canonical orders (store_id left 0 for the caller to fill).
using PageSink = std::function<void(std::vector<Order>&& page)>;

// What Dianjia asks of every platform. Implementations sign and send the platform's own calls
// and throw the PlatformError subclasses of platform_error.h.
class PlatformAdapter {
  public:
    virtual ~PlatformAdapter() = default;
    virtual Platform platform() const = 0;
    // Longest window one order query may span on this platform.
    virtual Timestamp max_window_seconds() const = 0;
    // How long before "now" a window must end so late writes on the platform are not missed.
    virtual Timestamp settle_seconds() const { return 0; }

    // Every order modified in the window, page by page (at most 100 per page), in the order
    // the platform recommends for not missing any.
    virtual void pull_window(const TimeWindow& window, const PageSink& sink) = 0;
    virtual std::optional<Order> fetch_order(const std::string& platform_order_id) = 0;
    virtual void confirm_shipment(const Shipment& shipment) = 0;
    virtual void push_stock(const StockUpdate& update) = 0;
    virtual std::vector<PlatformCarrier> list_carriers() = 0;
};

}  // namespace dj
