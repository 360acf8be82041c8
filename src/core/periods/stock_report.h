#pragma once

#include <array>
#include <map>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/types.h"
#include "core/periods/period.h"
#include "core/stock/movement.h"

namespace dj {

// Where stock came from or went to in a period. Counts split by direction; the first four are
// inflows, the rest outflows.
enum class Flow {
    receipt,
    customer_return,
    transfer_in,
    count_gain,
    shipment,
    transfer_out,
    count_loss,
    scrap,
};
constexpr std::size_t kFlowCount = 8;
constexpr std::array<Flow, kFlowCount> kFlows{
    Flow::receipt,  Flow::customer_return, Flow::transfer_in, Flow::count_gain,
    Flow::shipment, Flow::transfer_out,    Flow::count_loss,  Flow::scrap};

bool is_inflow(Flow f);
// Stable key for JSON and files: receipt, return, transfer_in, count_gain, shipment,
// transfer_out, count_loss, scrap.
std::string_view flow_code(Flow f);
// None for a put-away between locations: it moves nothing in or out of the warehouse.
std::optional<Flow> flow_of(MovementKind kind, Qty signed_qty);

struct Amount {
    Qty qty = 0;
    Fen value = 0;
    Amount& operator+=(const Amount& o) {
        qty += o.qty;
        value += o.value;
        return *this;
    }
    bool operator==(const Amount&) const = default;
};

// One ledger row as the report needs it: a movement, or the sum of several movements of the
// same SKU, warehouse, kind and direction (the store aggregates in SQL for speed).
struct LedgerEntry {
    Id sku_id = 0;
    Id warehouse_id = 0;
    MovementKind kind = MovementKind::receive;
    Qty qty = 0;    // signed, + into the warehouse
    Fen value = 0;  // signed, exact
};

// The pseudo-warehouse of goods between warehouses: a transfer leaves its warehouse when it is
// sent (transfer_out there, transfer_in here) and arrives when it is booked in (transfer_out
// here, transfer_in there), so transit ties out like any warehouse and shop-wide transfers net
// to zero.
constexpr Id kInTransit = 0;

struct StockReportRow {
    Id sku_id = 0;
    Id warehouse_id = 0;
    Amount opening;
    std::array<Amount, kFlowCount> flows{};  // positive magnitudes in both directions
    Amount closing;

    Amount& flow(Flow f) { return flows[static_cast<std::size_t>(f)]; }
    const Amount& flow(Flow f) const { return flows[static_cast<std::size_t>(f)]; }
    Amount in() const;
    Amount out() const;
    // closing − (opening + in − out). Closing is the ledger's own sum, so this shows any
    // difference fen rounding (or a misclassified movement) would leave, as its own line.
    Amount rounding() const;
    // Adds every figure of `o` (for totals).
    void add(const StockReportRow& o);
};

struct StockReport {
    Period period;
    // Sorted by warehouse then SKU id; transit rows last. Rows with nothing in them are left out.
    std::vector<StockReportRow> rows;

    StockReportRow warehouse_total(Id warehouse_id) const;
    // Every warehouse and transit: what the shop owns.
    StockReportRow shop_total() const;
    std::vector<Id> warehouses() const;  // in row order, transit included when present
};

// Builds the opening / flows / closing report of one period from a closing snapshot and
// ledger entries. Pure: no clock, no storage.
class StockReportBuilder {
  public:
    explicit StockReportBuilder(Period period) : period_(std::move(period)) {}
    // Stock at the start of the period (e.g. the closing figures of a closed month).
    void add_opening(Id sku_id, Id warehouse_id, Amount amount);
    // A movement dated before the period start (after the snapshot, if any).
    void add_before(const LedgerEntry& e);
    // A movement dated inside the period.
    void add_within(const LedgerEntry& e);
    StockReport finish() const;

  private:
    StockReportRow& row(Id sku_id, Id warehouse_id);
    Period period_;
    std::map<std::pair<Id, Id>, StockReportRow> rows_;  // (warehouse, sku)
};

}  // namespace dj
