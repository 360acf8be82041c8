#pragma once

#include <string>
#include <string_view>

#include "core/orders/order.h"

namespace dj {

// What someone without buyers.see is shown of a buyer, the way the platforms mask it themselves:
// a name keeps its first character ("张**"), a phone its first three and last four digits
// ("138****5678"), the street address nothing. Province, city and district stay: region rules,
// waves and packing need them.
std::string masked_name(std::string_view name);
std::string masked_phone(std::string_view phone);
std::string masked_address(std::string_view address);

// The order's receiver and buyer nickname masked as above.
void mask_buyer(Order& order);

}  // namespace dj
