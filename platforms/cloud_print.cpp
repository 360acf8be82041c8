#include "cloud_print.h"

#include "adapter_support.h"

namespace dj {

using nlohmann::json;

namespace {

// The sender block of Cainiao's cloud-print request (also Pinduoduo's, which copies it).
json cloud_print_sender(const CarrierAccount& a) {
    return {{"address",
             {{"province", a.sender.province},
              {"city", a.sender.city},
              {"district", a.sender.district},
              {"detail", a.sender.detail}}},
            {"name", a.sender.name},
            {"mobile", a.sender.phone}};
}

json cloud_print_recipient(const Receiver& r) {
    return {{"address",
             {{"province", r.province},
              {"city", r.city},
              {"district", r.district},
              {"detail", r.address}}},
            {"name", r.name},
            {"mobile", r.phone}};
}

}  // namespace

json cloud_print_request(const CarrierAccount& account, const std::vector<WaybillRequest>& parcels,
                         const char* channel, const char* carrier_field) {
    json orders = json::array();
    for (const WaybillRequest& p : parcels)
        orders.push_back(
            {{"object_id", p.object_id},
             {"order_info",
              {{"order_channels_type", channel}, {"trade_order_list", p.platform_order_ids}}},
             {"package_info", {{"id", p.object_id}, {"items", waybill_items(p)}}},
             {"recipient", cloud_print_recipient(p.receiver)}});
    json request{{carrier_field, account.platform_code},
                 {"sender", cloud_print_sender(account)},
                 {"trade_order_info_dtos", orders}};
    if (!account.branch_code.empty()) request["branch_code"] = account.branch_code;
    return request;
}

CarrierAccount cloud_print_account(const std::string& store, const std::string& carrier,
                                   const std::string& platform_code, const json& branch,
                                   const json& address) {
    CarrierAccount account;
    account.store = store;
    account.carrier = carrier;
    account.platform_code = platform_code;
    account.branch_code = json_text(branch, "branch_code");
    account.branch_name = json_text(branch, "branch_name");
    account.sender.province = json_text(address, "province");
    account.sender.city = json_text(address, "city");
    account.sender.district = json_text(address, "district");
    account.sender.detail = json_text(address, "detail");
    account.from_platform = true;
    return account;
}

std::vector<IssuedWaybill> cloud_print_modules(const json& modules, std::string_view record) {
    std::vector<IssuedWaybill> issued;
    for (const json& m : modules)
        issued.push_back({json_text(m, "object_id"), json_id(m, "waybill_code", record),
                          json_text(m, "print_data"), ""});
    return issued;
}

}  // namespace dj
