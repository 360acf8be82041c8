#include "core/base/actor.h"

#include <algorithm>

namespace dj {

bool Actor::works_in(const std::string& warehouse) const {
    return warehouses.empty() ||
           std::find(warehouses.begin(), warehouses.end(), warehouse) != warehouses.end();
}

}  // namespace dj
