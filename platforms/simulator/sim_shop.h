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

    const std::vector<Order>& orders(Platform p) const;
    const std::vector<SimShipment>& shipments() const { return shipments_; }
    const std::vector<SimStockPush>& stock_pushes() const { return stock_pushes_; }

  private:
    std::map<Platform, std::vector<Order>> orders_;
    std::map<std::pair<Platform, std::string>, std::size_t> index_;
    std::vector<SimShipment> shipments_;
    std::vector<SimStockPush> stock_pushes_;
};

}  // namespace dj
