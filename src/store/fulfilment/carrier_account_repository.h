#pragma once

#include <optional>
#include <vector>

#include "core/base/types.h"
#include "core/fulfilment/carrier_account.h"

namespace dj {

class Database;

// The stores' e-waybill accounts; writes run inside the caller's transaction.
// Adds the account, or updates the store's account of the same carrier and branch; returns its id.
Id save_carrier_account(Database& db, Id store_id, const CarrierAccount& account);
// Every account (of one store), by store, then as they were first saved (the platform's order
// for read ones): a store's first account is the one its numbers come from by default.
std::vector<CarrierAccount> list_carrier_accounts(Database& db,
                                                  std::optional<Id> store_id = std::nullopt);
std::optional<CarrierAccount> find_carrier_account(Database& db, Id id);

}  // namespace dj
