#include "reports/restock_sheet_document.h"

#include <map>
#include <utility>

#include "core/base/clock.h"
#include "core/base/translate.h"

namespace dj::reports {

ReportDocument restock_sheet_document(const std::vector<RestockLine>& lines,
                                      const std::string& shop, Timestamp generated_at) {
    ReportDocument doc;
    doc.title = tr("Restock sheet");
    doc.shop = shop;
    doc.period = trf("demand of the last 28 days to {0}", shop_date(generated_at));
    doc.generated = format_shop_time(generated_at);
    doc.generated_at = generated_at;
    doc.columns = {{"sku", tr("SKU"), ColumnKind::text, 26},
                   {"name", tr("Name"), ColumnKind::text, 40},
                   {"warehouse", tr("Warehouse"), ColumnKind::text, 18},
                   {"d", tr("Daily demand"), ColumnKind::decimal, 18},
                   {"rop", tr("Reorder point"), ColumnKind::qty, 18},
                   {"available", tr("Available"), ColumnKind::qty, 18},
                   {"backlog", tr("Backlog"), ColumnKind::qty, 16},
                   {"in_transit", tr("In transit"), ColumnKind::qty, 18},
                   {"on_order", tr("On order"), ColumnKind::qty, 18},
                   {"position", tr("Position"), ColumnKind::qty, 18},
                   {"suggested", tr("Suggested"), ColumnKind::qty, 18},
                   {"unit_cost", tr("Unit cost"), ColumnKind::money, 20},
                   {"amount", tr("Amount"), ColumnKind::money, 24}};

    // restock_lines() orders by supplier code, so sections come out in that order; "" (no
    // supplier) sorts first and is moved last, after the orders that can be placed.
    std::map<std::string, ReportSection> by_supplier;
    std::map<std::string, std::pair<Qty, Fen>> sums;
    for (const RestockLine& l : lines) {
        if (l.suggested <= 0) continue;
        ReportSection& s = by_supplier[l.supplier];
        if (s.title.empty()) {
            s.title = l.supplier.empty()
                          ? tr("No supplier: set one with sku supplier")
                          : trf("{0} {1}, lead time {2} days, order multiple {3}", l.supplier,
                                l.supplier_name, std::to_string(l.lead_days),
                                std::to_string(l.order_multiple));
            s.sheet_name = l.supplier.empty() ? tr("No supplier") : l.supplier;
        }
        Fen amount = l.suggested * l.unit_cost;
        s.rows.push_back(
            {ReportCell::str(l.sku), ReportCell::str(l.sku_name), ReportCell::str(l.warehouse),
             ReportCell::real(l.d), ReportCell::num(l.reorder_point), ReportCell::num(l.available),
             ReportCell::num(l.backlog), ReportCell::num(l.in_transit), ReportCell::num(l.on_order),
             ReportCell::num(l.position), ReportCell::num(l.suggested),
             ReportCell::num(l.unit_cost), ReportCell::num(amount)});
        sums[l.supplier].first += l.suggested;
        sums[l.supplier].second += amount;
    }

    auto total_row = [](const std::string& label, const std::string& name, Qty qty, Fen value) {
        ReportRow row(13, ReportCell::none());
        row[0] = ReportCell::str(label);
        row[1] = ReportCell::str(name);
        row[10] = ReportCell::num(qty);
        row[12] = ReportCell::num(value);
        return row;
    };
    doc.summary.title = tr("Value to order per supplier");
    doc.summary.sheet_name = tr("Summary");
    Qty all_qty = 0;
    Fen all_value = 0;
    auto add = [&](const std::string& code) {
        ReportSection& s = by_supplier[code];
        auto [qty, value] = sums[code];
        s.totals.push_back(total_row(tr("Supplier total"), code, qty, value));
        doc.summary.rows.push_back(
            total_row(code.empty() ? tr("No supplier") : code, s.title, qty, value));
        all_qty += qty;
        all_value += value;
        doc.sections.push_back(std::move(s));
    };
    std::vector<std::string> codes;
    for (const auto& entry : by_supplier)
        if (!entry.first.empty()) codes.push_back(entry.first);
    if (by_supplier.count("")) codes.push_back("");
    for (const std::string& code : codes)
        add(code);
    doc.summary.totals.push_back(total_row(tr("Shop total"), shop, all_qty, all_value));
    return doc;
}

}  // namespace dj::reports
