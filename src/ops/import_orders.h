#pragma once

#include <string>

#include "core/base/actor.h"
#include "core/base/progress.h"

namespace dj {
class Database;
}

namespace dj::ops {

struct OrdersImported {
    int orders = 0;
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int stale = 0;         // older than the stored copy: ignored
    std::string encoding;  // what the file was read as (interchange/import_text.h)
};

// Stores the orders of a canonical order JSON document (interchange/order_json.h) as a sync
// does (ops::OrderIntake: reviewed by the rules, held when the buyer gave up on it, allocated),
// all or nothing, audited. `source` names the file
// in messages. InvalidInput names the order and field that is wrong.
// `progress` (optional) counts the orders; its cancel stops the import with Cancelled and
// nothing of the file is kept.
OrdersImported import_orders(Database& db, const Actor& actor, const std::string& file_bytes,
                             const std::string& source, Progress* progress = nullptr);

}  // namespace dj::ops
