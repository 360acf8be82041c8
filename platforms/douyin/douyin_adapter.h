#pragma once

#include <nlohmann/json.hpp>

#include "adapter_support.h"
#include "platform_adapter.h"

namespace dj {

// 抖店 open platform: POST <path>, common parameters in the query, param_json as the body.
class DouyinAdapter : public PlatformAdapter, private AdapterSupport {
  public:
    DouyinAdapter(const StoreConnection& connection, HttpClient& http);
    Platform platform() const override { return Platform::douyin; }
    // The span limit is not published; one day is what working ERPs use.
    Timestamp max_window_seconds() const override { return 24 * 3600; }
    void pull_window(const TimeWindow& window, const PageSink& sink) override;
    std::optional<Order> fetch_order(const std::string& platform_order_id) override;
    void confirm_shipment(const Shipment& shipment) override;
    void push_stock(const StockUpdate& update) override;
    std::vector<PlatformCarrier> list_carriers() override;
    // [U] the limit of /logistics/newCreateOrder is not in PLATFORMS.md; 50 is what the simulator
    // takes.
    std::size_t waybill_batch_limit() const override { return 50; }
    std::vector<CarrierAccount> list_carrier_accounts() override;
    std::vector<IssuedWaybill> fetch_waybills(const CarrierAccount& account,
                                              const std::vector<WaybillRequest>& parcels) override;
    void cancel_waybill(const CarrierAccount& account, const std::string& tracking_no) override;

  private:
    // The "data" of a successful answer to `path` ("/order/searchList").
    nlohmann::json invoke(const std::string& path, const nlohmann::json& params);
};

Order douyin_order_to_order(const nlohmann::json& shop_order);

}  // namespace dj
