#pragma once

#include <string>

#include "core/fulfilment/parcel_documents.h"
#include "reports/pdf_table_writer.h"

namespace dj::reports {

enum class PaperSize { a5, a4 };

// The packing list that goes into one parcel: order, receiver (as stored, masked stays masked),
// waybill, every item with its quantity, and the total.
void render_packing_list(const PackingList& list, const std::string& path,
                         PaperSize paper = PaperSize::a5,
                         const std::string& font_path = default_cjk_font_path());

}  // namespace dj::reports
