#include "reports/order_export_document.h"

#include "core/base/clock.h"
#include "core/base/platform.h"
#include "core/base/translate.h"

namespace dj::reports {
namespace {

std::string platform_text(const std::string& code) {
    std::optional<Platform> p = platform_from_code(code);
    return p ? platform_name(*p) : code;
}

std::string items_text(const OrderSummary& o) {
    std::string text;
    for (const OrderLineSummary& l : o.lines)
        text += (text.empty() ? "" : " ") +
                l.sku.value_or(l.seller_code.empty() ? l.platform_sku : l.seller_code) + "×" +
                std::to_string(l.qty);
    return text;
}

}  // namespace

ReportDocument order_export_document(const std::vector<OrderSummary>& orders,
                                     const std::string& shop, Timestamp generated_at) {
    ReportDocument doc;
    doc.title = tr("Orders");
    doc.shop = shop;
    doc.generated = format_shop_time(generated_at);
    doc.generated_at = generated_at;
    // The PDF keeps what fits across A4; the spreadsheet and CSV carry every column.
    doc.columns = {{"store", tr("Store"), ColumnKind::text, 0},
                   {"platform", tr("Platform"), ColumnKind::text, 0},
                   {"order_id", tr("Platform order"), ColumnKind::text, 40},
                   {"status", tr("Status"), ColumnKind::text, 16},
                   {"created_at", tr("Created"), ColumnKind::text, 26},
                   {"paid_at", tr("Paid at"), ColumnKind::text, 0},
                   {"buyer", tr("Buyer"), ColumnKind::text, 0},
                   {"receiver", tr("Receiver"), ColumnKind::text, 18},
                   {"phone", tr("Phone"), ColumnKind::text, 26},
                   {"province", tr("Province"), ColumnKind::text, 0},
                   {"city", tr("City"), ColumnKind::text, 0},
                   {"district", tr("District"), ColumnKind::text, 0},
                   {"address", tr("Address"), ColumnKind::text, 60},
                   {"items", tr("Items"), ColumnKind::text, 0},
                   {"units", tr("Units"), ColumnKind::qty, 12},
                   {"paid", tr("Paid"), ColumnKind::money, 20},
                   {"seller_memo", tr("Seller memo"), ColumnKind::text, 0}};
    ReportSection section;
    section.sheet_name = tr("Orders");
    for (const OrderSummary& o : orders)
        section.rows.push_back(
            {ReportCell::str(o.store), ReportCell::str(platform_text(o.platform)),
             ReportCell::str(o.platform_order_id), ReportCell::str(order_status_name(o.status)),
             ReportCell::str(format_shop_time(o.created_at)),
             o.paid_at ? ReportCell::str(format_shop_time(*o.paid_at)) : ReportCell::none(),
             ReportCell::str(o.buyer_nick), ReportCell::str(o.receiver_name),
             ReportCell::str(o.receiver_phone), ReportCell::str(o.province),
             ReportCell::str(o.city), ReportCell::str(o.district), ReportCell::str(o.address),
             ReportCell::str(items_text(o)), ReportCell::num(o.units),
             ReportCell::num(o.paid_amount), ReportCell::str(o.seller_memo)});
    doc.sections.push_back(std::move(section));
    return doc;
}

}  // namespace dj::reports
