#pragma once

#include <string>
#include <vector>

#include "core/fulfilment/parcel_documents.h"
#include "reports/label_template.h"
#include "reports/pdf_table_writer.h"

namespace dj::reports {

// One page per label in one PDF, laid out by the template; the font is embedded once.
// Throws InvalidInput naming the order when a label has no tracking number.
void render_labels(const std::vector<LabelData>& labels, const LabelTemplate& layout,
                   const std::string& path, const std::string& font_path = default_cjk_font_path());

}  // namespace dj::reports
