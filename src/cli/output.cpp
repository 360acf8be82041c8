#include "cli/output.h"

#include <nlohmann/json.hpp>

#include "core/base/clock.h"
#include "core/base/money.h"
#include "core/base/platform.h"
#include "core/base/translate.h"

namespace dj::cli {

Cell Cell::code(std::string_view code, std::string name) {
    return raw_json(nlohmann::json(std::string(code)).dump(), std::move(name));
}

Cell Cell::platform(std::string_view code) {
    std::optional<Platform> p = platform_from_code(code);
    return Cell::code(code, p ? platform_name(*p) : std::string(code));
}

Cell Cell::flag(bool b) {
    return raw_json(b ? "true" : "false", b ? tr("yes") : tr("no"));
}

namespace {

// Terminal columns a UTF-8 string takes: East Asian wide characters take two.
std::size_t display_width(const std::string& s) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
        width += len >= 3 ? 2 : 1;
        i += len;
    }
    return width;
}

std::string cell_text(const Cell& c, bool utc) {
    switch (c.type) {
        case Cell::Type::time:
            return utc ? format_utc(c.number)
                       : format_shop_time(c.number).substr(0, 16) + " +08:00";
        case Cell::Type::text:
        case Cell::Type::json:
            return c.text;
        case Cell::Type::integer:
            return std::to_string(c.number);
        case Cell::Type::money:
            return format_yuan(c.number);
        case Cell::Type::null:
            return "";
    }
    return "";
}

}  // namespace

std::string json_quote(const std::string& s) {
    return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void Listing::print(std::ostream& out, bool json, bool utc) const {
    if (json) {
        out << "[";
        for (std::size_t r = 0; r < rows_.size(); ++r) {
            out << (r ? ",\n " : "\n ") << "{";
            for (std::size_t c = 0; c < columns_.size(); ++c) {
                const Cell& cell = rows_[r][c];
                out << (c ? ", " : "") << json_quote(columns_[c].key) << ": ";
                switch (cell.type) {
                    case Cell::Type::text:
                        out << json_quote(cell.text);
                        break;
                    case Cell::Type::integer:
                        out << cell.number;
                        break;
                    case Cell::Type::money:
                        out << format_yuan(cell.number);
                        break;
                    case Cell::Type::null:
                        out << "null";
                        break;
                    case Cell::Type::json:
                        out << cell.json;
                        break;
                    case Cell::Type::time:
                        out << json_quote(format_utc(cell.number));
                        break;
                }
            }
            out << "}";
        }
        out << (rows_.empty() ? "]\n" : "\n]\n");
        return;
    }
    std::vector<std::size_t> widths(columns_.size());
    std::vector<bool> numeric(columns_.size(), false);
    for (std::size_t c = 0; c < columns_.size(); ++c)
        widths[c] = display_width(columns_[c].header);
    for (const auto& row : rows_)
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            widths[c] = std::max(widths[c], display_width(cell_text(row[c], utc)));
            if (row[c].type == Cell::Type::integer || row[c].type == Cell::Type::money)
                numeric[c] = true;
        }
    auto emit = [&](std::size_t c, const std::string& text) {
        std::string pad(widths[c] - display_width(text), ' ');
        out << (c ? "  " : "")
            << (numeric[c] ? pad + text : (c + 1 < columns_.size() ? text + pad : text));
    };
    for (std::size_t c = 0; c < columns_.size(); ++c)
        emit(c, columns_[c].header);
    out << "\n";
    for (const auto& row : rows_) {
        for (std::size_t c = 0; c < columns_.size(); ++c)
            emit(c, cell_text(row[c], utc));
        out << "\n";
    }
}

}  // namespace dj::cli
