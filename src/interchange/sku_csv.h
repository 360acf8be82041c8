#pragma once

#include <string_view>
#include <vector>

#include "core/stock/catalogue.h"

namespace dj {

// The catalogue import format. Header (any column order, all required):
//   code,name,barcode,spec,unit,weight_g,cost,shelf_life_days
// cost in yuan ("12.50"); several barcodes separated by '|'. Empty weight, cost and shelf life
// mean 0. The whole file is checked before anything is returned: the first problem throws
// InvalidInput naming the line, the column and the value.
struct CsvSku {
    int line = 0;  // where the row starts, for messages about it later
    Sku sku;
};
std::vector<CsvSku> parse_sku_csv(std::string_view text, std::string_view source);

}  // namespace dj
