#pragma once

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "platform_adapter.h"

namespace dj {

// Cainiao's cloud-print waybill request (param_waybill_cloud_print_apply_new_request), which
// Pinduoduo's pdd.waybill.get copies: `channel` is the order_channels_type ("TB", "PDD"),
// `carrier_field` the carrier's key ("cp_code", "wp_code").
nlohmann::json cloud_print_request(const CarrierAccount& account,
                                   const std::vector<WaybillRequest>& parcels, const char* channel,
                                   const char* carrier_field);
// One subscription branch of cainiao.waybill.ii.search / pdd.waybill.search with one of its
// shipping addresses, as an account of `store` (sender name and phone left to the shop).
CarrierAccount cloud_print_account(const std::string& store, const std::string& carrier,
                                   const std::string& platform_code, const nlohmann::json& branch,
                                   const nlohmann::json& address);
// Their answer's modules[] {object_id, waybill_code, print_data}.
std::vector<IssuedWaybill> cloud_print_modules(const nlohmann::json& modules,
                                               std::string_view record);

}  // namespace dj
