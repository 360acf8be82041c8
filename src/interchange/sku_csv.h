#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/stock/catalogue.h"

namespace dj {

// The catalogue import format. Header (any column order, all required):
//   code,name,barcode,spec,unit,weight_g,cost,shelf_life_days
// cost in yuan ("12.50"); several barcodes separated by '|'. Empty weight, cost and shelf life
// mean 0.
struct CsvSku {
    int line = 0;  // where the row starts, for messages about it later
    Sku sku;
};
// Every row checked: the good ones, and a problem for each bad one naming the line, the column
// and the value (a file whose header is wrong has that one problem and no rows).
struct SkuCsv {
    std::vector<CsvSku> rows;
    std::vector<std::string> problems;
};
SkuCsv read_sku_csv(std::string_view text, std::string_view source);
// The rows of a file without problems; else InvalidInput with the first problem (and how many
// more there are).
std::vector<CsvSku> parse_sku_csv(std::string_view text, std::string_view source);

}  // namespace dj
