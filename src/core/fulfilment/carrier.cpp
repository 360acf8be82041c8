#include "core/fulfilment/carrier.h"

#include <regex>

#include "core/base/error.h"
#include "core/base/text.h"
#include "core/base/translate.h"

namespace dj {

const std::vector<Carrier>& known_carriers() {
    // Shapes of the numbers each carrier's e-waybills give today; older or rarer series that
    // do not fit are entered under the carrier they belong to only after this list learns them.
    static const std::vector<Carrier> carriers{
        {"SF", "顺丰速运", tr_noop("SF Express"), R"(SF\d{13}|\d{12})", "SF1234567890123", "顺丰"},
        {"ZTO", "中通快递", tr_noop("ZTO Express"), R"(\d{12,15})", "75312345678901", "中通"},
        {"YTO", "圆通速递", tr_noop("YTO Express"), R"(YT\d{13})", "YT1234567890123", "圆通"},
        {"STO", "申通快递", tr_noop("STO Express"), R"(\d{12,15})", "773123456789012", "申通"},
        {"YD", "韵达快递", tr_noop("Yunda Express"), R"(\d{13,15})", "4312345678901", "韵达"},
        {"JTSD", "极兔速递", tr_noop("J&T Express"), R"(JT\d{13})", "JT1234567890123", "极兔"},
        {"EMS", "邮政EMS", tr_noop("China Post EMS"), R"([A-Z]{2}\d{9}[A-Z]{2}|\d{13})",
         "1123456789012", "EMS"},
        {"YZPY", "邮政快递包裹", tr_noop("China Post parcel"), R"(\d{13}|[A-Z]{2}\d{9}[A-Z]{2})",
         "9812345678901", "邮政快递包裹"},
        {"JD", "京东快递", tr_noop("JD Logistics"), R"(JD[A-Z]{0,2}\d{11,13})", "JDV123456789012",
         "京东"},
        {"DBL", "德邦快递", tr_noop("Deppon Express"), R"(DPK\d{12}|\d{10})", "DPK123456789012",
         "德邦"},
    };
    return carriers;
}

namespace {

std::string upper(std::string_view text) {
    std::string out;
    for (char c : text)
        out += c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    return out;
}

// "中通快递" is also said "中通"; "顺丰速运" "顺丰".
bool names_match(std::string_view said, std::string_view name) {
    if (said == name) return true;
    for (std::string_view suffix : {"快递包裹", "快递", "速运", "速递"})
        if (name.size() > suffix.size() && name.ends_with(suffix) &&
            said == name.substr(0, name.size() - suffix.size()))
            return true;
    return false;
}

}  // namespace

const Carrier* find_carrier(std::string_view code) {
    for (const Carrier& c : known_carriers())
        if (code == c.code) return &c;
    return nullptr;
}

std::string carrier_name(const Carrier& carrier) {
    return tr(carrier.name);
}

const Carrier& require_carrier(std::string_view text, std::string_view what) {
    std::string said(trimmed(text));
    std::string code = upper(said);
    for (const Carrier& c : known_carriers())
        if (code == c.code || names_match(said, c.name_zh) || said == carrier_name(c)) return c;
    std::string codes;
    for (const Carrier& c : known_carriers())
        codes += (codes.empty() ? "" : ", ") + std::string(c.code) + " " + carrier_name(c);
    throw InvalidInput(
        trf("{0}: \"{1}\" is not a carrier Dianjia knows; use one of: {2}", what, said, codes));
}

std::optional<std::string> platform_carrier_code(
    const Carrier& carrier, const std::vector<std::pair<std::string, std::string>>& listed) {
    for (const auto& [code, name] : listed)
        if (upper(code) == carrier.code) return code;
    for (const auto& [code, name] : listed)
        if (name.find(carrier.known_as) != std::string::npos) return code;
    return std::nullopt;
}

std::string normalise_tracking(std::string_view text) {
    std::string out;
    for (char c : upper(text))
        if (c != ' ' && c != '\t') out += c;
    return out;
}

namespace {

// Compiled once: the demo checks tens of thousands of numbers.
const std::regex& shape_of(const Carrier& carrier) {
    static const std::vector<std::regex> shapes = [] {
        std::vector<std::regex> out;
        for (const Carrier& c : known_carriers())
            out.emplace_back(c.pattern, std::regex::optimize);
        return out;
    }();
    return shapes.at(static_cast<std::size_t>(&carrier - known_carriers().data()));
}

bool has_shape(const Carrier& carrier, std::string_view tracking) {
    return std::regex_match(tracking.begin(), tracking.end(), shape_of(carrier));
}

}  // namespace

std::vector<const Carrier*> carriers_for_tracking(std::string_view tracking) {
    std::vector<const Carrier*> out;
    for (const Carrier& c : known_carriers())
        if (has_shape(c, tracking)) out.push_back(&c);
    return out;
}

void require_tracking_shape(const Carrier& carrier, std::string_view tracking,
                            std::string_view what) {
    if (has_shape(carrier, tracking)) return;
    throw InvalidInput(
        trf("{0}: \"{1}\" is not a {2} tracking number (they look like {3}); "
            "check the number on the waybill",
            what, tracking, carrier_name(carrier), carrier.example));
}

}  // namespace dj
