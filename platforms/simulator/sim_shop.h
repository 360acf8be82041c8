#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/base/platform.h"
#include "core/orders/order.h"

namespace dj {

struct SimShipment {
    Platform platform = Platform::taobao;
    std::string order_id;
    std::string carrier;
    std::string tracking_no;
};

struct SimStockPush {
    Platform platform = Platform::taobao;
    std::string sku;
    Qty quantity = 0;
};

// What a platform makes of a shipment confirmation.
enum class SimShipResult { shipped, unknown_order, already_shipped };

// An e-waybill number the simulated platform issued.
struct SimWaybill {
    Platform platform = Platform::taobao;
    std::string object_id;
    std::string carrier;  // the platform's carrier code
    std::string tracking_no;
    std::vector<std::string> order_ids;
    bool cancelled = false;
};

// What a platform makes of a request for a number: the waybill, or why not.
struct SimWaybillResult {
    const SimWaybill* waybill = nullptr;
    std::string refusal;  // in the platform's words
    bool fresh = false;   // a new number (not one issued to the same object id before)
};

// The simulated platforms' side: one shop per platform, its orders as canonical orders (the
// wire modules render them in each platform's format), and what sellers sent back.
class SimShop {
  public:
    // `count` orders spread over the four platforms, modified during the day before `now`.
    // The same seed gives the same orders.
    void generate(std::uint64_t seed, int count, Timestamp now);
    void put(Platform platform, Order order);
    void clear();
    // Buyers act: `count` orders change (payments, refund requests, refunds, cancellations),
    // modified at `now`.
    void change(std::uint64_t seed, int count, Timestamp now);

    // Modified in [start, end), newest first or oldest first.
    std::vector<const Order*> modified_between(Platform p, Timestamp start, Timestamp end,
                                               bool newest_first) const;
    const Order* find(Platform p, const std::string& id) const;
    // Marks the order shipped (as the platform does) and records the shipment. A second
    // confirmation of a shipped or completed order is refused, as the platforms refuse it.
    SimShipResult ship(const SimShipment& s, Timestamp now);
    void record_stock(const SimStockPush& push) { stock_pushes_.push_back(push); }

    // A number for the parcel `object_id` of `order_ids` from `carrier` (the platform's code),
    // in the carrier's shape. The same object id gets the number it was issued before, as the
    // platforms do; an unknown order or one that is not waiting to ship is refused.
    SimWaybillResult issue_waybill(Platform p, const std::string& object_id,
                                   const std::string& carrier,
                                   const std::vector<std::string>& order_ids);
    // Recycles an issued, unused number; false when there is no such number or it is cancelled.
    bool cancel_waybill(Platform p, const std::string& carrier, const std::string& tracking_no);
    const std::vector<SimWaybill>& waybills() const { return waybills_; }

    const std::vector<Order>& orders(Platform p) const;
    const std::vector<SimShipment>& shipments() const { return shipments_; }
    const std::vector<SimStockPush>& stock_pushes() const { return stock_pushes_; }

  private:
    std::map<Platform, std::vector<Order>> orders_;
    std::map<std::pair<Platform, std::string>, std::size_t> index_;
    std::vector<SimShipment> shipments_;
    std::vector<SimStockPush> stock_pushes_;
    std::vector<SimWaybill> waybills_;
    std::map<std::pair<Platform, std::string>, std::size_t> waybill_by_object_;
};

// The e-waybill subscriptions every simulated store holds, as (platform carrier code, branch
// code, branch name); all send from the same address.
struct SimBranch {
    const char* carrier;  // our carrier code; each wire spells it the platform's way
    const char* branch_code;
    const char* branch_name;
    long long quantity;  // numbers left on the account
};
const std::vector<SimBranch>& sim_branches();
struct SimAddress {
    const char* province;
    const char* city;
    const char* district;
    const char* detail;
};
const SimAddress& sim_sender_address();
// An opaque stand-in for the platforms' encrypted print data of one number.
std::string sim_encrypted(const SimWaybill& waybill);

}  // namespace dj
