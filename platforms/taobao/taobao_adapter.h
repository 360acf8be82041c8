#pragma once

#include <nlohmann/json.hpp>

#include "adapter_support.h"
#include "platform_adapter.h"

namespace dj {

// Taobao / Tmall open platform (TOP): /router/rest, form-encoded, JSON answers.
class TaobaoAdapter : public PlatformAdapter, private AdapterSupport {
  public:
    TaobaoAdapter(const StoreConnection& connection, HttpClient& http);
    Platform platform() const override { return Platform::taobao; }
    // trades.sold.increment.get refuses windows over one day.
    Timestamp max_window_seconds() const override { return 24 * 3600; }
    void pull_window(const TimeWindow& window, const PageSink& sink) override;
    std::optional<Order> fetch_order(const std::string& platform_order_id) override;
    void confirm_shipment(const Shipment& shipment) override;
    void push_stock(const StockUpdate& update) override;
    std::vector<PlatformCarrier> list_carriers() override;
    // cainiao.waybill.ii.get takes 10 parcels a call.
    std::size_t waybill_batch_limit() const override { return 10; }
    std::vector<CarrierAccount> list_carrier_accounts() override;
    std::vector<IssuedWaybill> fetch_waybills(const CarrierAccount& account,
                                              const std::vector<WaybillRequest>& parcels) override;
    void cancel_waybill(const CarrierAccount& account, const std::string& tracking_no) override;

  private:
    nlohmann::json invoke(const std::string& method, std::map<std::string, std::string> params);
};

// One TOP trade (JSON) as a canonical order.
Order taobao_trade_to_order(const nlohmann::json& trade);

}  // namespace dj
