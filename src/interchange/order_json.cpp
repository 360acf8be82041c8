#include "interchange/order_json.h"

#include <nlohmann/json.hpp>

#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/base/money.h"
#include "core/base/translate.h"
#include "core/orders/order_limits.h"
#include "interchange/import_text.h"

namespace dj {
namespace {

using nlohmann::json;

class OrderReader {
  public:
    OrderReader(std::string_view source, std::size_t index, const json& j)
        : source_(source), index_(index), j_(j) {}

    ImportedOrder read() {
        if (!j_.is_object()) fail("", tr("must be an object"));
        ImportedOrder out;
        Order& o = out.order;
        o.platform_order_id = id_text(j_, "platform_order_id");
        out.store_code = text(j_, "store", true);
        std::string status = text(j_, "status", true, "to_ship");
        if (auto s = order_status_from_code(status))
            o.status = *s;
        else
            fail("status", trf("\"{0}\" is not one of pending_payment, to_ship, shipped, "
                               "completed, cancelled, refund_requested, refunded",
                               status));
        o.buyer_nick = text(j_, "buyer_nick");
        o.buyer_note = text(j_, "buyer_note");
        o.seller_memo = text(j_, "seller_memo");
        o.seller_flag = static_cast<int>(whole(j_, "seller_flag", 0, false));
        if (j_.contains("presale")) {
            if (!j_.at("presale").is_boolean()) fail("presale", tr("expected true or false"));
            o.presale = j_.at("presale").get<bool>();
        }
        o.merge_key = text(j_, "merge_key");
        if (j_.contains("receiver")) {
            const json& r = j_.at("receiver");
            if (!r.is_object()) fail("receiver", tr("must be an object"));
            prefix_ = "receiver.";
            o.receiver = {text(r, "name"), text(r, "phone"),    text(r, "province"),
                          text(r, "city"), text(r, "district"), text(r, "address")};
            prefix_.clear();
        }
        o.paid_amount = money(j_, "paid_amount");
        o.freight = money(j_, "freight");
        o.created_at = time(j_, "created_at", true).value();
        o.paid_at = time(j_, "paid_at", false);
        o.modified_at = time(j_, "modified_at", false).value_or(o.created_at);
        o.promised_ship_at = time(j_, "promised_ship_at", false);
        if (!j_.contains("lines") || !j_.at("lines").is_array() || j_.at("lines").empty())
            fail("lines", tr("must be a non-empty list of order lines"));
        std::size_t n = 0;
        for (const json& l : j_.at("lines")) {
            prefix_ = "lines[" + std::to_string(n++) + "].";
            if (!l.is_object()) fail("", tr("must be an object"));
            OrderLine line;
            line.platform_sku_id = id_text(l, "platform_sku_id", false);
            line.seller_code = text(l, "seller_code");
            if (line.platform_sku_id.empty() && line.seller_code.empty())
                fail("seller_code", tr("a line needs platform_sku_id or seller_code"));
            line.title = text(l, "title");
            line.quantity = whole(l, "quantity", 1, true);
            line.unit_price = money(l, "unit_price");
            if (l.contains("presale")) {
                if (!l.at("presale").is_boolean()) fail("presale", tr("expected true or false"));
                line.presale = l.at("presale").get<bool>();
            }
            o.lines.push_back(std::move(line));
        }
        prefix_.clear();
        try {
            check_order_limits(o);
        } catch (const InvalidInput& e) {
            fail("", e.what());
        }
        return out;
    }

  private:
    [[noreturn]] void fail(const std::string& field, const std::string& why) const {
        std::string who = std::to_string(index_ + 1);
        if (!id_.empty() && id_.size() <= kMaxCodeLength) who += " (" + id_ + ")";
        std::string where = prefix_ + field;
        if (!where.empty() && where.back() == '.') where.pop_back();
        if (where.empty()) throw InvalidInput(trf("{0}: order {1}: {2}", source_, who, why));
        throw InvalidInput(trf("{0}: order {1}, field {2}: {3}", source_, who, where, why));
    }

    std::string text(const json& o, const char* key, bool required = false,
                     const char* fallback = "") const {
        if (!o.contains(key) || o.at(key).is_null()) {
            if (required && !*fallback) fail(key, tr("is missing"));
            return fallback;
        }
        if (!o.at(key).is_string()) fail(key, tr("must be a string"));
        std::string v = o.at(key).get<std::string>();
        if (required && v.empty()) fail(key, tr("is empty"));
        return v;
    }

    std::string id_text(const json& o, const char* key, bool required = true) {
        std::string v;
        if (o.contains(key) && o.at(key).is_number_unsigned())
            v = std::to_string(o.at(key).get<std::uint64_t>());
        else if (o.contains(key) && o.at(key).is_number())
            fail(key, tr("must be a string (or a whole number)"));
        else
            v = text(o, key, required);
        if (key == std::string_view("platform_order_id")) id_ = v;
        return v;
    }

    std::int64_t whole(const json& o, const char* key, std::int64_t min, bool required) const {
        if (!o.contains(key) || o.at(key).is_null()) {
            if (required) fail(key, tr("is missing"));
            return 0;
        }
        const json& v = o.at(key);
        if (!v.is_number_integer()) fail(key, tr("must be a whole number"));
        std::int64_t n = v.get<std::int64_t>();
        if (n < min) fail(key, trf("must be at least {0}", std::to_string(min)));
        return n;
    }

    Fen money(const json& o, const char* key) const {
        std::string fen_key = std::string(key) + "_fen";
        if (o.contains(fen_key) && !o.at(fen_key).is_null()) {
            const json& v = o.at(fen_key);
            if (!v.is_number_integer()) fail(fen_key, tr("must be a whole number of fen"));
            return v.get<std::int64_t>();
        }
        if (!o.contains(key) || o.at(key).is_null()) return 0;
        const json& v = o.at(key);
        // Yuan must come as text: a JSON number may already have lost a fen to binary floating
        // point.
        if (!v.is_string()) fail(key, tr("must be an amount in yuan as a string, e.g. \"12.50\""));
        try {
            return parse_yuan(v.get<std::string>(), key);
        } catch (const InvalidInput&) {
            fail(key,
                 trf("\"{0}\" is not an amount in yuan (for example 12.50)", v.get<std::string>()));
        }
    }

    std::optional<Timestamp> time(const json& o, const char* key, bool required) const {
        std::string v = text(o, key, required);
        if (v.empty()) return std::nullopt;
        try {
            return parse_time(v, key);
        } catch (const InvalidInput&) {
            fail(key, trf("\"{0}\" is not a time (use 2026-11-24T13:04:16+08:00)", v));
        }
    }

    std::string_view source_;
    std::size_t index_;
    const json& j_;
    std::string prefix_;
    std::string id_;
};

}  // namespace

std::vector<ImportedOrder> parse_orders_json(std::string_view text, std::string_view source) {
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error& e) {
        throw InvalidInput(
            trf("{0} is not valid JSON: it breaks off or has a mistake at {1} (byte {2}). Check "
                "the file's quotes, commas and brackets there.",
                source, text_position(text, e.byte > 0 ? e.byte - 1 : 0), std::to_string(e.byte)));
    }
    const json* list = &doc;
    json single;
    if (doc.is_object() && doc.contains("orders")) {
        list = &doc.at("orders");
    } else if (doc.is_object()) {
        single = json::array({doc});
        list = &single;
    }
    if (!list->is_array()) throw InvalidInput(trf("{0}: expected a list of orders", source));
    std::vector<ImportedOrder> out;
    out.reserve(list->size());
    for (std::size_t i = 0; i < list->size(); ++i)
        out.push_back(OrderReader(source, i, (*list)[i]).read());
    return out;
}

}  // namespace dj
