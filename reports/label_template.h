#pragma once

#include <string>
#include <vector>

namespace dj::reports {

// One thing printed on a label. Positions in mm from the top left corner.
struct LabelElement {
    enum class Kind { text, barcode, line };
    Kind kind = Kind::text;
    std::string field;  // carrier, tracking_no, order_no, store_name, sender_name,
                        // sender_address, receiver_name, receiver_phone, receiver_address,
                        // items, wave, printed_at; empty: only `text`
    std::string text;   // printed before the field's value (a caption such as "收")
    double x = 0, y = 0;
    double width = 0;   // text: wrap width (0 = one line); barcode/line: length
    double height = 0;  // barcode height
    double size = 10;   // font size in points
    int max_lines = 1;
};

// A waybill label layout as data (reports/templates/label_<size>.json), so a shop can move
// things without rebuilding.
struct LabelTemplate {
    std::string size;  // "100x150"
    double width_mm = 100;
    double height_mm = 150;
    std::vector<LabelElement> elements;
};

// The folder holding the templates: $DIANJIA_TEMPLATES if set, else the one shipped with the
// program.
std::string label_template_dir();
// Reads label_<size>.json. Throws InvalidInput naming the file and field when it is malformed,
// NotFound naming the sizes when there is no such layout.
LabelTemplate load_label_template(const std::string& size,
                                  const std::string& dir = label_template_dir());

}  // namespace dj::reports
