#include "reports/waybill_label.h"

#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "reports/pdf_canvas.h"

namespace dj::reports {
namespace {

std::string field_value(const LabelData& d, const std::string& field) {
    const Receiver& r = d.receiver;
    if (field == "carrier") return d.carrier;
    if (field == "tracking_no") return d.tracking_no;
    if (field == "order_no") return d.order_no;
    if (field == "store_name") return d.store_name;
    if (field == "sender_name") return d.sender_name;
    if (field == "sender_address") return d.sender_address;
    if (field == "receiver_name") return r.name;
    if (field == "receiver_phone") return r.phone;
    if (field == "receiver_address")
        return r.province + " " + r.city + " " + r.district + " " + r.address;
    if (field == "items") return d.items;
    if (field == "wave") return d.wave;
    if (field == "printed_at") return format_shop_time(d.printed_at);
    return {};
}

}  // namespace

void render_labels(const std::vector<LabelData>& labels, const LabelTemplate& layout,
                   const std::string& path, const std::string& font_path) {
    PdfCanvas pdf(font_path);
    for (const LabelData& d : labels) {
        if (d.tracking_no.empty())
            throw InvalidInput(
                trf("Order {0} has no tracking number: assign one with order "
                    "waybill {0} --carrier CODE --tracking NO",
                    d.order_no));
        pdf.add_page(layout.width_mm, layout.height_mm);
        for (const LabelElement& e : layout.elements) {
            switch (e.kind) {
                case LabelElement::Kind::line:
                    pdf.line(e.x, e.y, e.x + e.width, e.y);
                    break;
                case LabelElement::Kind::barcode:
                    pdf.barcode(field_value(d, e.field), e.x, e.y, e.width, e.height);
                    break;
                case LabelElement::Kind::text: {
                    std::string s = e.text + field_value(d, e.field);
                    if (e.width > 0)
                        pdf.text_box(e.x, e.y, e.width, e.size, e.max_lines, s);
                    else
                        pdf.text(e.x, e.y, e.size, s);
                    break;
                }
            }
        }
    }
    pdf.save(path);
}

}  // namespace dj::reports
