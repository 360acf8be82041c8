#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/base/types.h"

namespace dj {

// Something that must reach a platform: queued with the local change that caused it and sent
// until the platform acknowledges it.
enum class OutboxKind { shipment, stock };
std::string_view outbox_kind_code(OutboxKind k);
std::string outbox_kind_name(OutboxKind k);  // in the interface language
OutboxKind parse_outbox_kind(std::string_view code);

struct OutboxEntry {
    Id id = 0;
    Id store_id = 0;
    std::string store_code;
    OutboxKind kind = OutboxKind::shipment;
    std::string subject;  // platform order id or platform SKU
    std::string carrier;  // shipment: carrier code
    std::string tracking_no;
    Qty quantity = 0;  // stock: sellable quantity
    Timestamp created_at = 0;
    int attempts = 0;
    Timestamp next_attempt_at = 0;
    std::string last_error;
    std::optional<Timestamp> acknowledged_at;
    // Set just before a shipment confirmation is sent, cleared by a clear answer: while set,
    // the platform may have the confirmation already, so it is asked before the next send.
    std::optional<Timestamp> in_doubt_since;
};

// Seconds to wait after `attempts` failures: doubling from 30 s, capped at one hour.
Timestamp outbox_retry_delay(int attempts);

}  // namespace dj
