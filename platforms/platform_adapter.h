#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/base/platform.h"
#include "core/fulfilment/carrier_account.h"
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

// One parcel's e-waybill number asked of the platform. `object_id` identifies the parcel's
// request: asked again with the same id (a retry after a lost answer or a crash), the platform
// returns the number it issued then instead of a second one.
struct WaybillRequest {
    std::string object_id;
    std::vector<std::string> platform_order_ids;  // the parcel's orders (several when merged)
    Receiver receiver;                            // as stored (masked where the platform masks)
    struct Item {
        std::string name;
        long long quantity = 0;
    };
    std::vector<Item> items;
};

// The platform's answer for one parcel: its number and the print data the platform's print
// component renders (opaque, encrypted, kept byte for byte), or why it refused this parcel.
struct IssuedWaybill {
    std::string object_id;
    std::string tracking_no;
    std::string print_data;
    std::string refusal;  // non-empty: this parcel got no number
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

    // E-waybills (电子面单). The most parcels one waybill call takes.
    virtual std::size_t waybill_batch_limit() const = 0;
    // The store's e-waybill subscriptions as the platform holds them; none where the platform
    // has no call for it (they are entered by hand).
    virtual std::vector<CarrierAccount> list_carrier_accounts() = 0;
    // Numbers for up to waybill_batch_limit() parcels of this store from `account`, one answer
    // per request (in any order). A refusal of the whole call throws.
    virtual std::vector<IssuedWaybill> fetch_waybills(
        const CarrierAccount& account, const std::vector<WaybillRequest>& parcels) = 0;
    // Gives an unused number back (回收).
    virtual void cancel_waybill(const CarrierAccount& account, const std::string& tracking_no) = 0;
};

}  // namespace dj
