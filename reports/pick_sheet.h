#pragma once

#include <string>

#include "core/fulfilment/wave.h"
#include "reports/pdf_table_writer.h"

namespace dj::reports {

// The wave's pick sheet, A4 portrait: a header with the wave number as a barcode, one row per
// stop in walk order (location, SKU and barcode, name and spec, quantity, batch and expiry, the
// slots with their quantities; long slot lists continue on the next rows), totals, the slot
// table of the put wall, and "page i of n" on every page.
void render_pick_sheet(const PickSheet& sheet, const std::string& path, Timestamp printed_at,
                       const std::string& font_path = default_cjk_font_path());

}  // namespace dj::reports
