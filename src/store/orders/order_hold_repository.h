#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/types.h"

namespace dj {

class Database;

// Who put a hold on an order. An order may carry several at once; it stays away from waves and
// the packing line while it carries any. "split": no single warehouse can serve it and its store
// holds such orders rather than splitting them; "presale": a split-off part that ships later.
enum class HoldSource { person, platform, rule, intercept, split, presale };
std::string_view hold_source_code(HoldSource s);

// An order kept from the packing line with a reason people can read. An intercept means the
// packer must be stopped: the order's stock may already be picked.
struct OrderHold {
    Id order_id = 0;
    std::string reason;
    bool intercept = false;
    Timestamp at = 0;
    HoldSource source = HoldSource::person;
    std::string source_key;  // the rule's name or the intercept's id; empty otherwise
    std::string by;
};

class OrderHoldRepository {
  public:
    explicit OrderHoldRepository(Database& db) : db_(db) {}
    // Adds the hold or replaces the one from the same source; an intercept stays an intercept.
    void hold(const OrderHold& hold);
    // The hold people see first: intercepts before plain holds, then the oldest.
    std::optional<OrderHold> find(Id order_id);
    std::vector<OrderHold> list(Id order_id);
    // Lets the order go to packing again (every hold on it); false when it was not held. Holds
    // from rules and intercepts are waived, so they do not catch the order again.
    bool release(Id order_id, Timestamp at, const std::string& by);
    // Drops one source's hold, if any, without waiving it (a rule that no longer matches).
    void drop(Id order_id, HoldSource source, const std::string& source_key);
    bool waived(Id order_id, HoldSource source, const std::string& source_key);

  private:
    Database& db_;
};

}  // namespace dj
