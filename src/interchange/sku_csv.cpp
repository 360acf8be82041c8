#include "interchange/sku_csv.h"

#include <array>
#include <charconv>
#include <map>
#include <set>

#include "core/base/error.h"
#include "core/base/money.h"
#include "core/base/text.h"
#include "core/base/translate.h"
#include "core/stock/sku_limits.h"
#include "interchange/csv_reader.h"

namespace dj {
namespace {

constexpr std::array<std::string_view, 8> kColumns{
    "code", "name", "barcode", "spec", "unit", "weight_g", "cost", "shelf_life_days"};

// The header's columns by name, or InvalidInput.
std::map<std::string, std::size_t> read_header(const std::vector<CsvRecord>& records,
                                               std::string_view source) {
    if (records.empty())
        throw InvalidInput(trf("{0} is empty: the first line must be the header {1}", source,
                               "code,name,barcode,spec,unit,weight_g,cost,shelf_life_days"));
    const CsvRecord& header = records.front();
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        std::string name(trimmed(header.fields[i]));
        bool known = false;
        for (std::string_view c : kColumns)
            known = known || c == name;
        if (!known)
            throw InvalidInput(trf("{0} line {1}: unknown column \"{2}\" (expected {3})", source,
                                   std::to_string(header.line), name,
                                   "code,name,barcode,spec,unit,weight_g,cost,shelf_life_days"));
        if (index.count(name))
            throw InvalidInput(trf("{0} line {1}: column \"{2}\" appears twice", source,
                                   std::to_string(header.line), name));
        index[name] = i;
    }
    for (std::string_view c : kColumns)
        if (!index.count(std::string(c)))
            throw InvalidInput(trf("{0} line {1}: the header has no column \"{2}\"", source,
                                   std::to_string(header.line), c));
    return index;
}

}  // namespace

SkuCsv read_sku_csv(std::string_view text, std::string_view source) {
    SkuCsv out;
    std::vector<CsvRecord> records;
    std::map<std::string, std::size_t> index;
    try {
        records = parse_csv(text, source);
        index = read_header(records, source);
    } catch (const InvalidInput& e) {
        out.problems.push_back(e.what());
        return out;
    }
    const CsvRecord& header = records.front();

    std::map<std::string, int> seen_codes;
    std::map<std::string, int> seen_barcodes;
    for (std::size_t r = 1; r < records.size(); ++r) {
        try {
            const CsvRecord& rec = records[r];
            std::string line = std::to_string(rec.line);
            if (rec.fields.size() != header.fields.size())
                throw InvalidInput(trf("{0} line {1}: {2} columns, the header has {3}", source,
                                       line, std::to_string(rec.fields.size()),
                                       std::to_string(header.fields.size())));
            auto cell = [&](std::string_view column) {
                return std::string(trimmed(rec.fields[index[std::string(column)]]));
            };
            auto bad = [&](std::string_view column, const std::string& value,
                           const std::string& why) {
                return InvalidInput(
                    trf("{0} line {1}, column {2}: \"{3}\" {4}", source, line, column, value, why));
            };
            auto whole_number = [&](std::string_view column) -> int {
                std::string v = cell(column);
                if (v.empty()) return 0;
                int n = 0;
                auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
                if (ec != std::errc() || end != v.data() + v.size() || n < 0)
                    throw bad(column, v, tr("is not a whole number of 0 or more"));
                return n;
            };

            Sku sku;
            sku.code = cell("code");
            if (sku.code.empty())
                throw bad("code", sku.code, tr("is empty: every SKU needs a code"));
            if (sku.code.find_first_of(" \t") != std::string::npos)
                throw bad("code", sku.code, tr("contains spaces"));
            if (auto it = seen_codes.find(sku.code); it != seen_codes.end())
                throw bad("code", sku.code,
                          trf("appears already on line {0}", std::to_string(it->second)));
            seen_codes[sku.code] = rec.line;
            sku.name = cell("name");
            if (sku.name.empty())
                throw bad("name", sku.name, tr("is empty: every SKU needs a name"));
            std::string barcodes = cell("barcode");
            std::size_t start = 0;
            while (start <= barcodes.size() && !barcodes.empty()) {
                std::size_t bar = barcodes.find('|', start);
                std::string code(trimmed(std::string_view(barcodes).substr(
                    start, bar == std::string::npos ? std::string::npos : bar - start)));
                if (!code.empty()) {
                    if (auto it = seen_barcodes.find(code); it != seen_barcodes.end())
                        throw bad("barcode", code,
                                  trf("appears already on line {0}", std::to_string(it->second)));
                    seen_barcodes[code] = rec.line;
                    sku.barcodes.push_back(code);
                }
                if (bar == std::string::npos) break;
                start = bar + 1;
            }
            sku.spec = cell("spec");
            sku.unit = cell("unit");
            sku.weight_g = whole_number("weight_g");
            std::string cost = cell("cost");
            if (!cost.empty()) {
                try {
                    sku.standard_cost = parse_yuan(cost, "cost");
                } catch (const InvalidInput&) {
                    throw bad("cost", cost, tr("is not an amount in yuan (for example 12.50)"));
                }
                if (sku.standard_cost < 0) throw bad("cost", cost, tr("is negative"));
            }
            sku.shelf_life_days = whole_number("shelf_life_days");
            try {
                check_sku_limits(sku);
            } catch (const InvalidInput& e) {
                throw InvalidInput(trf("{0} line {1}: {2}", source, line, e.what()));
            }
            out.rows.push_back({rec.line, std::move(sku)});
        } catch (const InvalidInput& e) {
            out.problems.push_back(e.what());  // every bad row is listed, not only the first
        }
    }
    return out;
}

std::vector<CsvSku> parse_sku_csv(std::string_view text, std::string_view source) {
    SkuCsv csv = read_sku_csv(text, source);
    if (csv.problems.size() == 1) throw InvalidInput(csv.problems.front());
    if (!csv.problems.empty())
        throw InvalidInput(trf("{0} (and {1} more problems in the file)", csv.problems.front(),
                               std::to_string(csv.problems.size() - 1)));
    return std::move(csv.rows);
}

}  // namespace dj
