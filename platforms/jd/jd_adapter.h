#pragma once

#include <nlohmann/json.hpp>

#include "adapter_support.h"
#include "platform_adapter.h"

namespace dj {

// JD open platform (JOS): /routerjson, business parameters as one 360buy_param_json string.
class JdAdapter : public PlatformAdapter, private AdapterSupport {
  public:
    JdAdapter(const StoreConnection& connection, HttpClient& http);
    Platform platform() const override { return Platform::jd; }
    // enSearch accepts up to a month; a day keeps pages few and retries cheap.
    Timestamp max_window_seconds() const override { return 24 * 3600; }
    void pull_window(const TimeWindow& window, const PageSink& sink) override;
    std::optional<Order> fetch_order(const std::string& platform_order_id) override;
    void confirm_shipment(const Shipment& shipment) override;
    void push_stock(const StockUpdate& update) override;
    std::vector<PlatformCarrier> list_carriers() override;
    // jingdong.ldop.alpha.waybill.receive asks for one order (waybillCount 1) a call.
    std::size_t waybill_batch_limit() const override { return 1; }
    std::vector<CarrierAccount> list_carrier_accounts() override;
    std::vector<IssuedWaybill> fetch_waybills(const CarrierAccount& account,
                                              const std::vector<WaybillRequest>& parcels) override;
    void cancel_waybill(const CarrierAccount& account, const std::string& tracking_no) override;

  private:
    // The payload under "<method>_responce" (JD's spelling) or "<method>_response".
    nlohmann::json invoke(const std::string& method, const nlohmann::json& business);
};

Order jd_order_to_order(const nlohmann::json& info);

}  // namespace dj
