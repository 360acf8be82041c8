#include "reports/pick_sheet.h"

#include <algorithm>

#include "core/base/clock.h"
#include "core/base/translate.h"

namespace dj::reports {
namespace {

// Slot lists longer than this continue on extra rows so no slot is ever cut off.
constexpr std::size_t kSlotsPerRow = 8;
constexpr std::size_t kBatchColumn = 5;

}  // namespace

void render_pick_sheet(const PickSheet& sheet, const std::string& path, Timestamp printed_at,
                       const std::string& font_path) {
    const WaveInfo& w = sheet.wave;
    PdfHeader header;
    header.title = trf("Pick sheet {0}", w.number);
    header.lines = {
        trf("Warehouse: {0} {1}", w.warehouse, w.warehouse_name), trf("Carrier: {0}", w.carrier),
        trf("Orders: {0}  Units: {1}", std::to_string(w.orders), std::to_string(w.units)),
        trf("Printed: {0}", format_shop_time(printed_at))};
    PdfPageSetup setup;
    setup.portrait = true;
    setup.barcode = w.number;
    PdfTableWriter pdf(header,
                       {{tr("Location"), 18, false},
                        {tr("SKU"), 20, false},
                        {tr("Barcode"), 24, false},
                        {tr("Name / spec"), 40, false},
                        {tr("Qty"), 10, true},
                        {tr("Batch / expiry"), 24, false},
                        {tr("Slots (slot x qty)"), 50, false}},
                       setup, font_path);
    Qty units = 0;
    for (const PickStop& s : sheet.stops) {
        units += s.qty;
        std::vector<std::string> slot_rows{""};
        for (std::size_t i = 0; i < s.slots.size(); ++i) {
            if (i > 0 && i % kSlotsPerRow == 0) slot_rows.emplace_back();
            std::string& r = slot_rows.back();
            r += (r.empty() ? "" : "  ") + std::to_string(s.slots[i].slot) + "x" +
                 std::to_string(s.slots[i].qty);
        }
        std::string location = s.location_id ? s.location_code : tr("(no location)");
        // The batch and its expiry whole, on as many lines as they take: the picker must see
        // which batch to take.
        std::vector<std::string> batch_rows;
        if (!s.lot.empty()) {
            batch_rows = pdf.wrap(kBatchColumn, s.lot);
            for (std::string& part : pdf.wrap(kBatchColumn, s.expiry))
                batch_rows.push_back(std::move(part));
        }
        std::size_t rows = std::max(slot_rows.size(), std::max<std::size_t>(batch_rows.size(), 1));
        batch_rows.resize(rows);
        slot_rows.resize(rows);
        std::string name = s.spec.empty() ? s.sku_name : s.sku_name + " " + s.spec;
        pdf.row({location, s.sku_code, s.barcodes.empty() ? "" : s.barcodes.front(), name,
                 std::to_string(s.qty), batch_rows.front(), slot_rows.front()});
        for (std::size_t i = 1; i < rows; ++i)
            pdf.row({"", "", "", "", "", batch_rows[i], slot_rows[i]});
    }
    pdf.row({tr("Total"), trf("{0} stops", std::to_string(sheet.stops.size())), "", "",
             std::to_string(units), "", ""},
            PdfRowStyle::total);
    pdf.heading(tr("Put wall: slot and order"));
    for (const WaveSlot& slot : sheet.slots)
        pdf.row({std::to_string(slot.slot), slot.platform_order_id, "", "",
                 std::to_string(slot.units), "", ""});
    pdf.save(path);
}

}  // namespace dj::reports
