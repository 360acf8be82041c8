#pragma once

#include <string>

#include "core/actor.h"
#include "core/types.h"

namespace dj {

class Database;

// What a person decides about one order in the back office; each call is one audited change.
class OrderActions {
  public:
    OrderActions(Database& db, Actor actor) : db_(db), actor_(std::move(actor)) {}

    // Keeps the order from packing until released; a reason is required.
    void hold(Id order_id, const std::string& reason);
    void release(Id order_id);
    // 0 normal, 1 urgent (urgent orders go first into waves).
    void set_priority(Id order_id, int priority);
    void set_note(Id order_id, const std::string& note);

  private:
    std::string order_label(Id order_id);
    Database& db_;
    Actor actor_;
};

}  // namespace dj
