#include "core/fulfilment/outbox.h"

#include <algorithm>

#include "core/base/error.h"
#include "core/base/translate.h"

namespace dj {

std::string_view outbox_kind_code(OutboxKind k) {
    return k == OutboxKind::shipment ? "shipment" : "stock";
}

OutboxKind parse_outbox_kind(std::string_view code) {
    if (code == "shipment") return OutboxKind::shipment;
    if (code == "stock") return OutboxKind::stock;
    throw InvalidInput(trf("Unknown outbox kind {0}: use shipment or stock", code));
}

Timestamp outbox_retry_delay(int attempts) {
    int doublings = std::clamp(attempts - 1, 0, 7);
    return std::min<Timestamp>(3600, Timestamp{30} << doublings);
}

std::string outbox_kind_name(OutboxKind k) {
    return k == OutboxKind::shipment ? tr("Shipment confirmation") : tr("Stock offer");
}

}  // namespace dj
