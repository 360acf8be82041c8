#include "core/periods/stock_report.h"

#include <algorithm>

namespace dj {

bool is_inflow(Flow f) {
    return static_cast<std::size_t>(f) < 4;
}

std::string_view flow_code(Flow f) {
    switch (f) {
        case Flow::receipt:
            return "receipt";
        case Flow::customer_return:
            return "return";
        case Flow::transfer_in:
            return "transfer_in";
        case Flow::count_gain:
            return "count_gain";
        case Flow::shipment:
            return "shipment";
        case Flow::transfer_out:
            return "transfer_out";
        case Flow::count_loss:
            return "count_loss";
        case Flow::scrap:
            return "scrap";
    }
    return "";
}

std::optional<Flow> flow_of(MovementKind kind, Qty signed_qty) {
    switch (kind) {
        case MovementKind::receive:
            return Flow::receipt;
        case MovementKind::ship:
            return Flow::shipment;
        case MovementKind::transfer_out:
            return Flow::transfer_out;
        case MovementKind::transfer_in:
            return Flow::transfer_in;
        case MovementKind::count_adjust:
            return signed_qty >= 0 ? Flow::count_gain : Flow::count_loss;
        case MovementKind::customer_return:
            return Flow::customer_return;
        case MovementKind::scrap:
            return Flow::scrap;
        case MovementKind::relocate:
            return std::nullopt;
    }
    return std::nullopt;
}

Amount StockReportRow::in() const {
    Amount sum;
    for (Flow f : kFlows)
        if (is_inflow(f)) sum += flow(f);
    return sum;
}

Amount StockReportRow::out() const {
    Amount sum;
    for (Flow f : kFlows)
        if (!is_inflow(f)) sum += flow(f);
    return sum;
}

Amount StockReportRow::rounding() const {
    Amount i = in(), o = out();
    return {closing.qty - (opening.qty + i.qty - o.qty),
            closing.value - (opening.value + i.value - o.value)};
}

void StockReportRow::add(const StockReportRow& o) {
    opening += o.opening;
    for (std::size_t i = 0; i < kFlowCount; ++i)
        flows[i] += o.flows[i];
    closing += o.closing;
}

StockReportRow StockReport::warehouse_total(Id warehouse_id) const {
    StockReportRow total;
    total.warehouse_id = warehouse_id;
    for (const StockReportRow& r : rows)
        if (r.warehouse_id == warehouse_id) total.add(r);
    return total;
}

StockReportRow StockReport::shop_total() const {
    StockReportRow total;
    for (const StockReportRow& r : rows)
        total.add(r);
    return total;
}

std::vector<Id> StockReport::warehouses() const {
    std::vector<Id> ids;
    for (const StockReportRow& r : rows)
        if (ids.empty() || ids.back() != r.warehouse_id) ids.push_back(r.warehouse_id);
    return ids;
}

StockReportRow& StockReportBuilder::row(Id sku_id, Id warehouse_id) {
    StockReportRow& r = rows_[{warehouse_id, sku_id}];
    r.sku_id = sku_id;
    r.warehouse_id = warehouse_id;
    return r;
}

void StockReportBuilder::add_opening(Id sku_id, Id warehouse_id, Amount amount) {
    StockReportRow& r = row(sku_id, warehouse_id);
    r.opening += amount;
    r.closing += amount;
}

void StockReportBuilder::add_before(const LedgerEntry& e) {
    add_opening(e.sku_id, e.warehouse_id, {e.qty, e.value});
    if (e.kind == MovementKind::transfer_out || e.kind == MovementKind::transfer_in)
        add_opening(e.sku_id, kInTransit, {-e.qty, -e.value});
}

void StockReportBuilder::add_within(const LedgerEntry& e) {
    std::optional<Flow> f = flow_of(e.kind, e.qty);
    StockReportRow& r = row(e.sku_id, e.warehouse_id);
    r.closing += {e.qty, e.value};
    if (!f) return;
    // Flows are magnitudes: an inflow adds what came in, an outflow what went out. A movement
    // against its usual direction (never posted by the book) would show as a negative flow.
    Amount magnitude = is_inflow(*f) ? Amount{e.qty, e.value} : Amount{-e.qty, -e.value};
    r.flow(*f) += magnitude;
    if (e.kind == MovementKind::transfer_out || e.kind == MovementKind::transfer_in) {
        StockReportRow& t = row(e.sku_id, kInTransit);
        Flow mirrored =
            e.kind == MovementKind::transfer_out ? Flow::transfer_in : Flow::transfer_out;
        t.flow(mirrored) += magnitude;
        t.closing += {-e.qty, -e.value};
    }
}

StockReport StockReportBuilder::finish() const {
    StockReport report;
    report.period = period_;
    std::vector<StockReportRow> transit;
    for (const auto& [key, r] : rows_) {
        bool empty = r.opening == Amount{} && r.closing == Amount{} &&
                     std::all_of(r.flows.begin(), r.flows.end(),
                                 [](const Amount& a) { return a == Amount{}; });
        if (empty) continue;
        (r.warehouse_id == kInTransit ? transit : report.rows).push_back(r);
    }
    report.rows.insert(report.rows.end(), transit.begin(), transit.end());
    return report;
}

}  // namespace dj
