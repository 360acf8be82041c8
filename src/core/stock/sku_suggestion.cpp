#include "core/stock/sku_suggestion.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/base/error.h"
#include "core/base/text.h"
#include "core/base/translate.h"

namespace dj {

namespace {

// Letters and digits only, upper case: how two spellings of one code are compared.
std::string code_key(std::string_view s) {
    std::string out;
    for (char c : s)
        if (std::isalnum(static_cast<unsigned char>(c)))
            out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    return out;
}

// The text's characters (UTF-8 sequences), without spaces and ASCII punctuation, letters in
// upper case.
std::vector<std::string> characters(std::string_view s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        n = std::min(n, s.size() - i);
        if (n == 1) {
            if (std::isalnum(c)) out.emplace_back(1, static_cast<char>(std::toupper(c)));
        } else {
            std::string ch(s.substr(i, n));
            // Full-width spaces and the usual CJK brackets and marks say nothing of the product.
            static const std::set<std::string> marks = {"　", "【", "】", "（", "）", "，", "。",
                                                        "、", "《", "》", "！", "＋", "·"};
            if (!marks.count(ch)) out.push_back(std::move(ch));
        }
        i += n;
    }
    return out;
}

std::set<std::string> pairs(std::string_view s) {
    std::vector<std::string> chars = characters(s);
    std::set<std::string> out;
    for (std::size_t i = 0; i + 1 < chars.size(); ++i)
        out.insert(chars[i] + chars[i + 1]);
    if (chars.size() == 1) out.insert(chars.front());
    return out;
}

// How much of the SKU's name the title holds, 0–1: the share of the name's character pairs
// found in the title (a title carries many more words than the name).
double name_likeness(const std::set<std::string>& title, std::string_view name) {
    std::set<std::string> wanted = pairs(name);
    if (wanted.empty() || title.empty()) return 0;
    std::size_t found = 0;
    for (const std::string& p : wanted)
        found += title.count(p);
    return static_cast<double>(found) / static_cast<double>(wanted.size());
}

}  // namespace

std::vector<SkuSuggestion> suggest_skus(std::string_view seller_code, std::string_view platform_sku,
                                        std::string_view title, const std::vector<Sku>& catalogue,
                                        std::size_t max) {
    std::string code = code_key(seller_code);
    std::set<std::string> title_pairs = pairs(title);
    std::vector<SkuSuggestion> out;
    for (const Sku& sku : catalogue) {
        SkuSuggestion s{sku.code, 0, SkuSuggestion::Why::name};
        std::string key = code_key(sku.code);
        auto better = [&](int score, SkuSuggestion::Why why) {
            if (score > s.score) s.score = score, s.why = why;
        };
        if (!code.empty() && key == code) better(100, SkuSuggestion::Why::same_code);
        for (const std::string& b : sku.barcodes)
            if (!b.empty() && (b == trimmed(seller_code) || b == trimmed(platform_sku)))
                better(95, SkuSuggestion::Why::barcode);
        // One code inside the other: a listing's code with a colour or size added, or cut.
        if (code.size() >= 3 && key.size() >= 3 && key != code &&
            (key.find(code) != std::string::npos || code.find(key) != std::string::npos))
            better(70, SkuSuggestion::Why::code_part);
        // The name decides; the spec ("250g礼盒") tells apart the sizes of one product.
        double like = name_likeness(title_pairs, sku.name);
        if (like >= 0.6)
            better(static_cast<int>(20 + 40 * like + 8 * name_likeness(title_pairs, sku.spec)),
                   SkuSuggestion::Why::name);
        if (s.score > 0) out.push_back(std::move(s));
    }
    std::sort(out.begin(), out.end(), [](const SkuSuggestion& a, const SkuSuggestion& b) {
        return a.score != b.score ? a.score > b.score : a.code < b.code;
    });
    if (out.size() > max) out.resize(max);
    return out;
}

std::string suggestion_reason(SkuSuggestion::Why why) {
    switch (why) {
        case SkuSuggestion::Why::same_code:
            return tr("the seller code is this SKU's code");
        case SkuSuggestion::Why::barcode:
            return tr("the listing's code is this SKU's barcode");
        case SkuSuggestion::Why::code_part:
            return tr("the codes overlap");
        case SkuSuggestion::Why::name:
            break;
    }
    return tr("the title holds this SKU's name");
}

std::vector<const Sku*> find_skus(std::string_view text, const std::vector<Sku>& catalogue,
                                  std::size_t max) {
    std::string needle(trimmed(text));
    std::string lower = lower_ascii(needle);
    std::vector<const Sku*> exact, partial;
    if (needle.empty()) return {};
    for (const Sku& sku : catalogue) {
        bool is_exact =
            lower_ascii(sku.code) == lower ||
            std::find(sku.barcodes.begin(), sku.barcodes.end(), needle) != sku.barcodes.end();
        if (is_exact) {
            exact.push_back(&sku);
            continue;
        }
        bool contains = lower_ascii(sku.code).find(lower) != std::string::npos ||
                        sku.name.find(needle) != std::string::npos ||
                        lower_ascii(sku.name).find(lower) != std::string::npos;
        for (const std::string& b : sku.barcodes)
            contains = contains || b.find(needle) != std::string::npos;
        if (contains) partial.push_back(&sku);
    }
    exact.insert(exact.end(), partial.begin(), partial.end());
    if (exact.size() > max) exact.resize(max);
    return exact;
}

const Sku& pick_sku(std::string_view text, const std::vector<Sku>& catalogue) {
    std::vector<const Sku*> hits = find_skus(text, catalogue, 4);
    std::string needle(trimmed(text));
    if (hits.empty())
        throw InvalidInput(
            trf("No SKU has the code, barcode or name \"{0}\": check it, or add "
                "the SKU to the catalogue first",
                needle));
    bool exact = lower_ascii(hits[0]->code) == lower_ascii(needle) ||
                 std::find(hits[0]->barcodes.begin(), hits[0]->barcodes.end(), needle) !=
                     hits[0]->barcodes.end();
    if (exact || hits.size() == 1) return *hits[0];
    std::string names;
    for (const Sku* h : hits)
        names += (names.empty() ? "" : ", ") + h->code;
    throw InvalidInput(
        trf("\"{0}\" matches several SKUs ({1}): type the whole code or scan the barcode", needle,
            names));
}

}  // namespace dj
