#include "core/purchasing/purchase_order.h"

#include "core/base/translate.h"

namespace dj {

const char* po_status_code(PoStatus s) {
    switch (s) {
        case PoStatus::draft:
            return "draft";
        case PoStatus::ordered:
            return "ordered";
        case PoStatus::partly_received:
            return "partly_received";
        case PoStatus::received:
            return "received";
        case PoStatus::cancelled:
            return "cancelled";
    }
    return "ordered";
}

std::optional<PoStatus> parse_po_status(std::string_view code) {
    for (PoStatus s : {PoStatus::draft, PoStatus::ordered, PoStatus::partly_received,
                       PoStatus::received, PoStatus::cancelled})
        if (code == po_status_code(s)) return s;
    return std::nullopt;
}

Qty PurchaseOrder::open_qty() const {
    Qty n = 0;
    for (const PurchaseOrderLine& l : lines)
        n += l.open();
    return n;
}

Fen PurchaseOrder::total() const {
    Fen n = 0;
    for (const PurchaseOrderLine& l : lines)
        n += l.qty * l.unit_cost;
    return n;
}

bool po_accepts_receipts(PoStatus s) {
    return s == PoStatus::ordered || s == PoStatus::partly_received;
}

PoStatus po_status_from_receipts(const std::vector<PurchaseOrderLine>& lines) {
    Qty ordered = 0, received = 0;
    for (const PurchaseOrderLine& l : lines) {
        ordered += l.qty;
        received += l.received;
    }
    if (received == 0) return PoStatus::ordered;
    return received >= ordered ? PoStatus::received : PoStatus::partly_received;
}

std::string po_status_name(PoStatus s) {
    switch (s) {
        case PoStatus::draft:
            return tr("Draft");
        case PoStatus::ordered:
            return tr("Ordered");
        case PoStatus::partly_received:
            return tr("Partly received");
        case PoStatus::received:
            return tr("Fully received");
        case PoStatus::cancelled:
            return tr("Cancelled");
    }
    return po_status_code(s);
}

Qty PurchaseOrder::due_qty() const {
    return po_accepts_receipts(status) ? open_qty() : 0;
}

std::string po_state_name(const PurchaseOrder& o) {
    if (o.status == PoStatus::received && o.open_qty() > 0) return tr("Closed short");
    return po_status_name(o.status);
}

}  // namespace dj
