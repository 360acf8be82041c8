#include "reports/stock_report_document.h"

#include <algorithm>
#include <map>

#include "core/alerts/stock_analysis.h"
#include "core/base/clock.h"
#include "core/base/money.h"
#include "core/base/translate.h"

namespace dj::reports {
namespace {

std::string flow_header(Flow f) {
    switch (f) {
        case Flow::receipt:
            return tr("Receipts");
        case Flow::customer_return:
            return tr("Returns");
        case Flow::transfer_in:
            return tr("Transfers in");
        case Flow::count_gain:
            return tr("Count gains");
        case Flow::shipment:
            return tr("Shipped");
        case Flow::transfer_out:
            return tr("Transfers out");
        case Flow::count_loss:
            return tr("Count losses");
        case Flow::scrap:
            return tr("Scrap");
    }
    return {};
}

ReportDocument base_document(std::string title, const StockReport& report, const ReportMeta& meta) {
    ReportDocument doc;
    doc.title = std::move(title);
    doc.shop = meta.shop;
    doc.period = report.period.label();
    doc.generated = format_shop_time(meta.generated_at);
    doc.generated_at = meta.generated_at;
    return doc;
}

std::string warehouse_code(const ReportNames& names, Id id) {
    return id == kInTransit ? kInTransitCode : names.warehouse(id).code;
}

std::string warehouse_title(const ReportNames& names, Id id) {
    if (id == kInTransit) return tr("In transit (sent, not yet arrived)");
    return names.warehouse(id).code + " " + names.warehouse(id).name;
}

// Rows grouped per warehouse (code order, transit last), each group sorted by SKU code.
std::vector<std::pair<Id, std::vector<const StockReportRow*>>> by_warehouse(
    const StockReport& report, const ReportNames& names, const ReportMeta& meta) {
    std::map<Id, std::vector<const StockReportRow*>> groups;
    for (const StockReportRow& r : report.rows) {
        if (meta.warehouse && r.warehouse_id != *meta.warehouse) continue;
        groups[r.warehouse_id].push_back(&r);
    }
    std::vector<std::pair<Id, std::vector<const StockReportRow*>>> out(groups.begin(),
                                                                       groups.end());
    std::sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
        if ((a.first == kInTransit) != (b.first == kInTransit)) return b.first == kInTransit;
        return names.warehouse(a.first).code < names.warehouse(b.first).code;
    });
    for (auto& [id, rows] : out)
        std::sort(rows.begin(), rows.end(), [&](const auto* a, const auto* b) {
            return names.sku(a->sku_id).code < names.sku(b->sku_id).code;
        });
    return out;
}

void add_amount_columns(std::vector<ReportColumn>& cols, const std::string& key,
                        const std::string& header, double qty_mm, double value_mm) {
    cols.push_back({key + "_qty", trf("{0} qty", header), ColumnKind::qty, qty_mm});
    cols.push_back({key + "_value", trf("{0} value", header), ColumnKind::money, value_mm});
}

ReportRow month_end_row(const StockReportRow& r, ReportCell sku, ReportCell name,
                        ReportCell warehouse) {
    ReportRow row{std::move(sku), std::move(name), std::move(warehouse)};
    auto amount = [&](const Amount& a) {
        row.push_back(ReportCell::num(a.qty));
        row.push_back(ReportCell::num(a.value));
    };
    amount(r.opening);
    for (Flow f : kFlows)
        amount(r.flow(f));
    amount(r.in());
    amount(r.out());
    amount(r.closing);
    return row;
}

}  // namespace

ReportDocument month_end_document(const StockReport& report, const ReportNames& names,
                                  const ReportMeta& meta) {
    ReportDocument doc = base_document(tr("Month-end stock report"), report, meta);
    auto& cols = doc.columns;
    cols.push_back({"sku", tr("SKU"), ColumnKind::text, 24});
    cols.push_back({"name", tr("Name"), ColumnKind::text, 38});
    cols.push_back({"warehouse", tr("Warehouse"), ColumnKind::text, 17});
    add_amount_columns(cols, "open", tr("Opening"), 17, 21);
    for (Flow f : kFlows) {
        bool in_pdf = f == Flow::receipt || f == Flow::shipment;
        add_amount_columns(cols, std::string(flow_code(f)), flow_header(f), 0, in_pdf ? 21 : 0);
    }
    add_amount_columns(cols, "in", tr("In"), 17, 21);
    add_amount_columns(cols, "out", tr("Out"), 17, 21);
    add_amount_columns(cols, "close", tr("Closing"), 17, 21);

    doc.summary.title = tr("Summary");
    doc.summary.sheet_name = tr("Summary");
    StockReportRow shop;
    for (const auto& [wh, rows] : by_warehouse(report, names, meta)) {
        ReportSection s;
        s.title = warehouse_title(names, wh);
        s.sheet_name = warehouse_code(names, wh);
        StockReportRow total;
        for (const StockReportRow* r : rows) {
            const ReportNames::Name& sku = names.sku(r->sku_id);
            s.rows.push_back(month_end_row(*r, ReportCell::str(sku.code), ReportCell::str(sku.name),
                                           ReportCell::str(warehouse_code(names, wh))));
            total.add(*r);
        }
        std::string label = wh == kInTransit ? tr("In transit") : names.warehouse(wh).name;
        s.totals.push_back(month_end_row(total, ReportCell::str(tr("Total")),
                                         ReportCell::str(label),
                                         ReportCell::str(warehouse_code(names, wh))));
        doc.summary.rows.push_back(s.totals.back());
        shop.add(total);
        doc.sections.push_back(std::move(s));
    }
    doc.summary.totals.push_back(month_end_row(shop, ReportCell::str(tr("Shop total")),
                                               ReportCell::str(meta.warehouse ? "" : meta.shop),
                                               ReportCell::none()));
    // The rounding line: what closing differs from opening + in − out. It is its own line so a
    // difference is never hidden inside another figure (with values summed exactly from the
    // ledger it is 0.00).
    Amount rounding = shop.rounding();
    ReportRow line(doc.columns.size(), ReportCell::none());
    line[0] = ReportCell::str(tr("Rounding"));
    line[1] = ReportCell::str(tr("closing - (opening + in - out)"));
    line[doc.columns.size() - 2] = ReportCell::num(rounding.qty);
    line[doc.columns.size() - 1] = ReportCell::num(rounding.value);
    doc.summary.totals.push_back(std::move(line));
    return doc;
}

ReportDocument valuation_document(const StockReport& report, const ReportNames& names,
                                  const ReportMeta& meta) {
    ReportDocument doc = base_document(tr("Stock valuation"), report, meta);
    doc.period = trf("at the end of {0}", report.period.last_day);
    doc.columns = {{"sku", tr("SKU"), ColumnKind::text, 30},
                   {"name", tr("Name"), ColumnKind::text, 80},
                   {"warehouse", tr("Warehouse"), ColumnKind::text, 25},
                   {"qty", tr("Quantity"), ColumnKind::qty, 25},
                   {"avg_cost", tr("Average cost"), ColumnKind::money, 30},
                   {"value", tr("Value"), ColumnKind::money, 35}};
    doc.summary.title = doc.summary.sheet_name = tr("Summary");
    Amount shop;
    // Totals leave the average blank: an average of averages would mislead.
    auto row = [&](ReportCell sku, ReportCell name, ReportCell wh, const Amount& a,
                   bool with_average = true) {
        ReportCell avg = with_average && a.qty > 0
                             ? ReportCell::num(mul_div_rounded(a.value, 1, a.qty))
                             : ReportCell::none();
        return ReportRow{
            std::move(sku),          std::move(name), std::move(wh), ReportCell::num(a.qty), avg,
            ReportCell::num(a.value)};
    };
    for (const auto& [wh, rows] : by_warehouse(report, names, meta)) {
        ReportSection s;
        s.title = warehouse_title(names, wh);
        s.sheet_name = warehouse_code(names, wh);
        Amount total;
        for (const StockReportRow* r : rows) {
            if (r->closing == Amount{}) continue;
            const ReportNames::Name& sku = names.sku(r->sku_id);
            s.rows.push_back(row(ReportCell::str(sku.code), ReportCell::str(sku.name),
                                 ReportCell::str(warehouse_code(names, wh)), r->closing));
            total += r->closing;
        }
        if (s.rows.empty()) continue;
        s.totals.push_back(row(ReportCell::str(tr("Total")), ReportCell::str(s.title),
                               ReportCell::str(warehouse_code(names, wh)), total, false));
        doc.summary.rows.push_back(s.totals.back());
        shop += total;
        doc.sections.push_back(std::move(s));
    }
    doc.summary.totals.push_back(row(ReportCell::str(tr("Shop total")), ReportCell::str(meta.shop),
                                     ReportCell::none(), shop, false));
    return doc;
}

ReportDocument turnover_document(const StockReport& report, const ReportNames& names,
                                 const ReportMeta& meta) {
    ReportDocument doc = base_document(tr("Stock turnover and slow movers"), report, meta);
    doc.columns = {{"sku", tr("SKU"), ColumnKind::text, 26},
                   {"name", tr("Name"), ColumnKind::text, 60},
                   {"shipped_qty", tr("Shipped qty"), ColumnKind::qty, 20},
                   {"cogs", tr("COGS"), ColumnKind::money, 26},
                   {"open_value", tr("Opening value"), ColumnKind::money, 26},
                   {"close_value", tr("Closing value"), ColumnKind::money, 26},
                   {"close_qty", tr("Closing qty"), ColumnKind::qty, 20},
                   {"turnover", tr("Turnover"), ColumnKind::decimal, 18},
                   {"days_of_cover", tr("Days of cover"), ColumnKind::decimal, 20},
                   {"slow_mover", tr("Slow mover"), ColumnKind::flag, 18}};
    ReportSection s;
    s.title = trf("All warehouses and transit; slow: stock with no sale or over {0} days of cover",
                  std::to_string(static_cast<int>(kSlowMoverDays)));
    s.sheet_name = tr("Turnover");
    std::vector<SkuTurnover> list = turnover_by_sku(report);
    std::sort(list.begin(), list.end(), [&](const SkuTurnover& a, const SkuTurnover& b) {
        return names.sku(a.sku_id).code < names.sku(b.sku_id).code;
    });
    Fen cogs = 0, open = 0, close = 0;
    Qty shipped = 0, close_qty = 0;
    for (const SkuTurnover& t : list) {
        const ReportNames::Name& sku = names.sku(t.sku_id);
        s.rows.push_back({ReportCell::str(sku.code), ReportCell::str(sku.name),
                          ReportCell::num(t.shipped.qty), ReportCell::num(t.shipped.value),
                          ReportCell::num(t.opening.value), ReportCell::num(t.closing.value),
                          ReportCell::num(t.closing.qty),
                          t.turnover ? ReportCell::real(*t.turnover) : ReportCell::none(),
                          t.days_of_cover ? ReportCell::real(*t.days_of_cover) : ReportCell::none(),
                          ReportCell::flag(t.slow_mover)});
        cogs += t.shipped.value;
        open += t.opening.value;
        close += t.closing.value;
        shipped += t.shipped.qty;
        close_qty += t.closing.qty;
    }
    double average = (open + close) / 2.0;
    s.totals.push_back({ReportCell::str(tr("Shop total")), ReportCell::str(meta.shop),
                        ReportCell::num(shipped), ReportCell::num(cogs), ReportCell::num(open),
                        ReportCell::num(close), ReportCell::num(close_qty),
                        average > 0 ? ReportCell::real(cogs / average) : ReportCell::none(),
                        ReportCell::none(), ReportCell::none()});
    doc.sections.push_back(std::move(s));
    return doc;
}

ReportDocument abc_document(const StockReport& report, const ReportNames& names,
                            const ReportMeta& meta) {
    ReportDocument doc = base_document(tr("ABC analysis by shipped value"), report, meta);
    doc.columns = {{"sku", tr("SKU"), ColumnKind::text, 30},
                   {"name", tr("Name"), ColumnKind::text, 80},
                   {"class", tr("Class"), ColumnKind::text, 15},
                   {"shipped_qty", tr("Shipped qty"), ColumnKind::qty, 25},
                   {"shipped_value", tr("Shipped value"), ColumnKind::money, 35},
                   {"share_pct", tr("Share %"), ColumnKind::decimal, 22},
                   {"cumulative_pct", tr("Cumulative %"), ColumnKind::decimal, 25}};
    ReportSection s;
    s.title = tr("A: first 80 % of shipped value, B: next 15 %, C: the rest");
    s.sheet_name = tr("ABC");
    Fen total = 0;
    Qty qty = 0;
    for (const AbcEntry& e : abc_classes(report)) {
        const ReportNames::Name& sku = names.sku(e.sku_id);
        s.rows.push_back({ReportCell::str(sku.code), ReportCell::str(sku.name),
                          ReportCell::str(std::string(1, e.abc_class)),
                          ReportCell::num(e.shipped_qty), ReportCell::num(e.shipped_value),
                          ReportCell::real(e.share * 100), ReportCell::real(e.cumulative * 100)});
        total += e.shipped_value;
        qty += e.shipped_qty;
    }
    s.totals.push_back({ReportCell::str(tr("Shop total")), ReportCell::str(meta.shop),
                        ReportCell::none(), ReportCell::num(qty), ReportCell::num(total),
                        ReportCell::none(), ReportCell::none()});
    doc.sections.push_back(std::move(s));
    return doc;
}

}  // namespace dj::reports
