#pragma once

#include <string>
#include <unordered_map>

#include "core/base/types.h"

namespace dj {

// Codes and names the reports print for the ids in their rows.
struct ReportNames {
    struct Name {
        std::string code;
        std::string name;
    };
    std::unordered_map<Id, Name> skus;
    std::unordered_map<Id, Name> warehouses;

    const Name& sku(Id id) const;
    const Name& warehouse(Id id) const;
};

}  // namespace dj
