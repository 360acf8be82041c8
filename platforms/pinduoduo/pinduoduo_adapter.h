#pragma once

#include <nlohmann/json.hpp>

#include "adapter_support.h"
#include "platform_adapter.h"

namespace dj {

// Pinduoduo open platform: /api/router, form-encoded, UNIX-second timestamps.
class PinduoduoAdapter : public PlatformAdapter, private AdapterSupport {
  public:
    PinduoduoAdapter(const StoreConnection& connection, HttpClient& http);
    Platform platform() const override { return Platform::pinduoduo; }
    // increment.get refuses windows over 30 minutes ...
    Timestamp max_window_seconds() const override { return 30 * 60; }
    // ... and may miss orders in the last 3 minutes of its own clock.
    Timestamp settle_seconds() const override { return 3 * 60; }
    void pull_window(const TimeWindow& window, const PageSink& sink) override;
    std::optional<Order> fetch_order(const std::string& platform_order_id) override;
    void confirm_shipment(const Shipment& shipment) override;
    void push_stock(const StockUpdate& update) override;
    std::vector<PlatformCarrier> list_carriers() override;
    // pdd.waybill.get takes 10 parcels a call.
    std::size_t waybill_batch_limit() const override { return 10; }
    std::vector<CarrierAccount> list_carrier_accounts() override;
    std::vector<IssuedWaybill> fetch_waybills(const CarrierAccount& account,
                                              const std::vector<WaybillRequest>& parcels) override;
    void cancel_waybill(const CarrierAccount& account, const std::string& tracking_no) override;

  private:
    nlohmann::json invoke(const std::string& type, std::map<std::string, std::string> params);
};

Order pinduoduo_order_to_order(const nlohmann::json& item);

}  // namespace dj
