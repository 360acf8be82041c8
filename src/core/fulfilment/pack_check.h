#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/base/types.h"

namespace dj {

// One SKU a parcel must contain.
struct PackItem {
    Id sku_id = 0;
    std::string sku_code;
    std::string name;
    std::vector<std::string> barcodes;
    Qty expected = 0;
    Qty scanned = 0;
};

enum class ScanOutcome {
    counted,     // a right item, more still to come
    completed,   // the last item: the parcel is complete
    wrong_item,  // not in this parcel
    too_many,    // right SKU, but all of it is scanned already
    blocked,     // the order must not ship (refund, cancel, hold)
};

// Scan-to-verify packing: every item is scanned against the order; a wrong or surplus item is
// refused and counts nothing, and only a complete parcel may ship.
class PackCheck {
  public:
    PackCheck(std::vector<PackItem> items, bool blocked);

    // A scanner types the barcode (or the SKU code) and Enter.
    ScanOutcome scan(std::string_view code);
    bool complete() const;
    bool blocked() const { return blocked_; }
    Qty expected_units() const;
    Qty scanned_units() const;
    const std::vector<PackItem>& items() const { return items_; }
    // The item a code names, or nullptr.
    const PackItem* find(std::string_view code) const;

  private:
    std::vector<PackItem> items_;
    bool blocked_ = false;
};

}  // namespace dj
