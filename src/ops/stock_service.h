#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/base/error.h"
#include "core/stock/catalogue.h"
#include "core/stock/movement.h"

namespace dj {
class Database;
class StockPosting;
}  // namespace dj

namespace dj::ops {

// A movement whose document number was posted already for the same SKU, warehouse and kind: most
// likely the same paper entered twice (a retried script). Posting it anyway must be meant.
class SameDocument : public InvalidInput {
  public:
    using InvalidInput::InvalidInput;
};

// Stock operations as people state them: by SKU, warehouse and location codes. Each call is
// one durable transaction that either posts everything or nothing.
class StockService {
  public:
    StockService(Database& db, Actor actor) : db_(db), actor_(std::move(actor)) {}

    // Dates the following movements at `at` instead of now, to enter past movements. They are
    // dated in the past for reports, but costed when posted: the moving average is the shop's
    // current one (the ledger is append-only, so later movements already posted keep their
    // values) and a back-dated receipt moves today's average. A date in a closed month is
    // refused.
    void post_at(Timestamp at) { at_ = at; }
    // A document number the person gave is one movement per kind, SKU and warehouse: posting it
    // again throws SameDocument naming the first, unless allowed here (receipts against a
    // purchase order, which keeps its own count, share its number).
    void allow_same_doc() { allow_same_doc_ = true; }

    struct Receive {
        std::string sku;
        Qty qty = 0;
        std::string warehouse;
        std::string location;
        std::optional<Fen> unit_cost;  // default: the SKU's current average, else standard cost
        std::string batch;
        std::string expiry;
        std::string doc;
        std::string reason;
        bool accept_expired = false;  // a batch that expired already (ReceiveArgs)
    };
    std::vector<Movement> receive(const Receive& r);
    // Receipts booked against another record (a purchase order): `plan` runs inside the write
    // transaction, checks and updates that record under the same lock and returns the receipts,
    // which are posted with it, all or nothing.
    std::vector<Movement> receive_planned(const std::function<std::vector<Receive>()>& plan);
    std::vector<Movement> ship(const std::string& sku, Qty qty, const std::string& warehouse,
                               const std::string& doc);
    std::vector<Movement> transfer(const std::string& sku, Qty qty, const std::string& from,
                                   const std::string& to, const std::string& doc);
    // Books the arrival of everything still in transit under a transfer document.
    std::vector<Movement> arrive(const std::string& doc);
    std::vector<Movement> count(const std::string& sku, Qty counted, const std::string& warehouse,
                                const std::string& location, const std::string& reason);
    std::vector<Movement> customer_return(const std::string& sku, Qty qty,
                                          const std::string& warehouse, const std::string& location,
                                          const std::string& doc, const std::string& reason);
    std::vector<Movement> scrap(const std::string& sku, Qty qty, const std::string& warehouse,
                                const std::string& location, const std::string& reason);
    // Put-away: from `from` (empty: stock without a location) to `to`, the batch's units only
    // when `batch` is given.
    std::vector<Movement> put_away(const std::string& sku, Qty qty, const std::string& warehouse,
                                   const std::string& from, const std::string& to,
                                   const std::string& batch);

  private:
    struct Place {
        Sku item;  // the SKU as read, for its rules
        Id sku = 0;
        Id warehouse = 0;
        std::optional<Id> location;
    };
    // Looks up the codes (NotFound names the one that is wrong).
    Place resolve(const std::string& sku, const std::string& warehouse,
                  const std::string& location);
    void book_receive(StockPosting& posting, const Receive& r);
    MovementContext context(const std::string& doc, const std::string& reason,
                            const char* doc_prefix) const;
    void require_new_doc(MovementKind kind, const std::string& doc, const Place& place);
    Database& db_;
    Actor actor_;
    std::optional<Timestamp> at_;
    bool allow_same_doc_ = false;
};

}  // namespace dj::ops
