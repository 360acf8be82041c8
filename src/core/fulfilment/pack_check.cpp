#include "core/fulfilment/pack_check.h"

#include <algorithm>

#include "core/base/text.h"

namespace dj {

PackCheck::PackCheck(std::vector<PackItem> items, bool blocked)
    : items_(std::move(items)), blocked_(blocked) {}

const PackItem* PackCheck::find(std::string_view code) const {
    code = trimmed(code);
    for (const PackItem& item : items_) {
        if (item.sku_code == code) return &item;
        if (std::find(item.barcodes.begin(), item.barcodes.end(), code) != item.barcodes.end())
            return &item;
    }
    return nullptr;
}

ScanOutcome PackCheck::scan(std::string_view code) {
    if (blocked_) return ScanOutcome::blocked;
    const PackItem* found = find(code);
    if (!found) return ScanOutcome::wrong_item;
    PackItem& item = items_[static_cast<std::size_t>(found - items_.data())];
    if (item.scanned >= item.expected) return ScanOutcome::too_many;
    ++item.scanned;
    return complete() ? ScanOutcome::completed : ScanOutcome::counted;
}

bool PackCheck::complete() const {
    return !blocked_ && !items_.empty() &&
           std::all_of(items_.begin(), items_.end(),
                       [](const PackItem& i) { return i.scanned == i.expected; });
}

Qty PackCheck::expected_units() const {
    Qty n = 0;
    for (const PackItem& i : items_)
        n += i.expected;
    return n;
}

Qty PackCheck::scanned_units() const {
    Qty n = 0;
    for (const PackItem& i : items_)
        n += i.scanned;
    return n;
}

}  // namespace dj
