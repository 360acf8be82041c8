#pragma once

#include <optional>
#include <string>

#include "core/types.h"

namespace dj {

class Database;

// An order kept from the packing line with a reason people can read. An intercept means the
// packer must be stopped: the buyer wants a refund while the order's stock is being picked.
struct OrderHold {
    Id order_id = 0;
    std::string reason;
    bool intercept = false;
    Timestamp at = 0;
};

class OrderHoldRepository {
  public:
    explicit OrderHoldRepository(Database& db) : db_(db) {}
    // Replaces the order's hold; an intercept stays an intercept.
    void hold(const OrderHold& hold);
    std::optional<OrderHold> find(Id order_id);
    // Lets the order go to packing again; false when it was not held.
    bool release(Id order_id);

  private:
    Database& db_;
};

}  // namespace dj
