#include "core/orders/order_intercept.h"

#include <algorithm>

#include "core/base/translate.h"
#include "core/orders/region.h"

namespace dj {

std::string_view intercept_scope_code(InterceptScope s) {
    switch (s) {
        case InterceptScope::region:
            return "region";
        case InterceptScope::sku:
            return "sku";
        case InterceptScope::store:
            return "store";
        case InterceptScope::carrier:
            return "carrier";
    }
    return "";
}

std::optional<InterceptScope> parse_intercept_scope(std::string_view code) {
    for (InterceptScope s : {InterceptScope::region, InterceptScope::sku, InterceptScope::store,
                             InterceptScope::carrier})
        if (intercept_scope_code(s) == code) return s;
    return std::nullopt;
}

bool intercept_covers(const OrderIntercept& intercept, const InterceptSubject& order) {
    switch (intercept.scope) {
        case InterceptScope::region:
            return region_covers(intercept.target, intercept.city, order.province, order.city);
        case InterceptScope::sku:
            return std::find(order.skus.begin(), order.skus.end(), intercept.target) !=
                   order.skus.end();
        case InterceptScope::store:
            return order.store == intercept.target;
        case InterceptScope::carrier:
            return !order.carrier.empty() && order.carrier == intercept.target;
    }
    return false;
}

std::string describe_intercept(const OrderIntercept& intercept) {
    switch (intercept.scope) {
        case InterceptScope::region:
            return intercept.city.empty() ? intercept.target
                                          : intercept.target + " / " + intercept.city;
        case InterceptScope::sku:
            return trf("SKU {0}", intercept.target);
        case InterceptScope::store:
            return trf("store {0}", intercept.target);
        case InterceptScope::carrier:
            return trf("carrier {0}", intercept.target);
    }
    return intercept.target;
}

std::string intercept_scope_name(InterceptScope s) {
    switch (s) {
        case InterceptScope::region:
            return tr("Region");
        case InterceptScope::sku:
            return tr("SKU");
        case InterceptScope::store:
            return tr("Store");
        case InterceptScope::carrier:
            break;
    }
    return tr("Carrier");
}

}  // namespace dj
