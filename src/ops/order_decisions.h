#pragma once

#include <string>

#include "core/base/actor.h"
#include "core/base/types.h"

namespace dj {
class Database;
}

namespace dj::ops {

// What a person decides about one order in the back office (orders view, `order hold …`); each
// is one audited transaction.
void hold_order(Database& db, const Actor& actor, Id order_id, const std::string& reason);
void release_order(Database& db, const Actor& actor, Id order_id);
void set_order_priority(Database& db, const Actor& actor, Id order_id, int priority);
void set_order_note(Database& db, const Actor& actor, Id order_id, const std::string& note);

}  // namespace dj::ops
