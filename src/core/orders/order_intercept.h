#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/types.h"

namespace dj {

// A standing stop on orders: every not-yet-shipped order it covers is held until it is lifted,
// including orders that arrive meanwhile (a typhoon closes a province, a SKU is recalled, a
// carrier stops taking parcels).
enum class InterceptScope { region, sku, store, carrier };
std::string_view intercept_scope_code(InterceptScope s);
std::string intercept_scope_name(InterceptScope s);  // in the interface language
std::optional<InterceptScope> parse_intercept_scope(std::string_view code);

struct OrderIntercept {
    Id id = 0;
    InterceptScope scope = InterceptScope::region;
    std::string target;  // province, SKU code, store code or carrier code
    std::string city;    // region only; empty: the whole province
    std::string reason;
    Timestamp created_at = 0;
    std::string created_by;
    std::optional<Timestamp> lifted_at;
    std::string lifted_by;
    int held = 0;  // orders it holds now
};

// What an intercept looks at on one order.
struct InterceptSubject {
    std::string province;
    std::string city;
    std::string store;
    std::string carrier;
    std::vector<std::string> skus;  // local SKU codes
};

bool intercept_covers(const OrderIntercept& intercept, const InterceptSubject& order);
// For people: "江苏省 / 南京市", "SKU TEA-01", ...
std::string describe_intercept(const OrderIntercept& intercept);

}  // namespace dj
