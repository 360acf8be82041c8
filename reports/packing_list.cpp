#include "reports/packing_list.h"

#include "core/base/clock.h"
#include "core/base/money.h"
#include "core/base/translate.h"
#include "reports/pdf_canvas.h"

namespace dj::reports {

void render_packing_list(const PackingList& p, const std::string& path, PaperSize paper,
                         const std::string& font_path) {
    double w = paper == PaperSize::a5 ? 148 : 210;
    double h = paper == PaperSize::a5 ? 210 : 297;
    double m = 10;  // margin
    PdfCanvas pdf(font_path);
    pdf.add_page(w, h);
    double y = m;
    auto next_page_if_full = [&](double needed) {
        if (y + needed <= h - m) return;
        pdf.add_page(w, h);
        y = m;
    };
    pdf.text(m, y, 16, trf("Packing list {0}", p.store_name));
    y += 10;
    // A merged parcel lists every order it answers: the numbers get the whole width.
    y += 5 * pdf.text_box(m, y, w - 2 * m, 9, 3, trf("Order: {0}", p.order_no));
    pdf.text(m, y, 9, trf("Buyer: {0}", p.buyer_nick));
    pdf.text(w / 2, y, 9, trf("Paid: {0}", format_shop_time(p.paid_at)));
    y += 5;
    if (!p.tracking_no.empty()) {
        pdf.text(m, y, 9, trf("Waybill: {0} {1}", p.carrier, p.tracking_no));
        y += 5;
    }
    const Receiver& r = p.receiver;
    y += 5 * pdf.text_box(m, y, w - 2 * m, 9, 2,
                          trf("Ship to: {0} {1} {2} {3} {4} {5}", r.name, r.phone, r.province,
                              r.city, r.district, r.address));
    if (!p.buyer_note.empty())
        y += 5 * pdf.text_box(m, y, w - 2 * m, 9, 2, trf("Buyer note: {0}", p.buyer_note));
    y += 2;
    pdf.line(m, y, w - m, y);
    y += 2;
    double qty_x = w - m - 15;
    pdf.text(m, y, 9, tr("SKU"));
    pdf.text(m + 30, y, 9, tr("Name / spec"));
    pdf.text(qty_x, y, 9, tr("Qty"));
    y += 6;
    Qty total = 0;
    for (const PackingLine& line : p.lines) {
        next_page_if_full(12);
        pdf.text_box(m, y, 28, 9, 1, line.sku_code);
        int lines = pdf.text_box(m + 30, y, qty_x - m - 32, 9, 2,
                                 line.spec.empty() ? line.name : line.name + " " + line.spec);
        pdf.text(qty_x, y, 9, std::to_string(line.qty));
        y += 5 * lines + 1;
        total += line.qty;
    }
    next_page_if_full(20);
    pdf.line(m, y, w - m, y);
    y += 2;
    pdf.text(m, y, 10, trf("Total units: {0}", std::to_string(total)));
    pdf.text(w / 2, y, 10, trf("Paid: {0} yuan", format_yuan(p.paid_amount)));
    y += 8;
    pdf.text(m, y, 7, trf("Printed: {0}", format_shop_time(p.printed_at)));
    pdf.save(path);
}

}  // namespace dj::reports
