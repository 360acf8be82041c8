#pragma once

#include <string_view>
#include <vector>

namespace dj::demo {

struct Category {
    std::string_view prefix;  // SKU code prefix
    std::string_view name;
    std::vector<std::string_view> products;
    std::vector<std::string_view> specs;
    std::string_view unit;
    int min_cost_fen;
    int max_cost_fen;
    int min_weight_g;
    int max_weight_g;
    int shelf_life_days;  // 0: not batch tracked
    unsigned flags;
};

struct City {
    std::string_view province;
    std::string_view city;
    std::vector<std::string_view> districts;
};

const std::vector<Category>& categories();
const std::vector<City>& cities();
const std::vector<std::string_view>& surnames();
const std::vector<std::string_view>& given_name_parts();
const std::vector<std::string_view>& streets();
const std::vector<std::string_view>& supplier_names();
const std::vector<std::string_view>& buyer_notes();
const std::vector<std::string_view>& nicknames();

}  // namespace dj::demo
