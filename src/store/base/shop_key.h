#pragma once

#include <string>
#include <string_view>

#include "core/base/types.h"

namespace dj {

class Database;

// The shop's key for its secrets at rest: store app secrets and tokens, robot secrets and
// webhook addresses, mail passwords. One per shop, made with the first secret saved. Each
// workstation keeps it in its OS's protected store (os/protected_store.h) under the shop's id;
// each owner's password seals a copy in the database, so an owner can bring the key to a new
// workstation of a shared shop by logging in there. The database holds no secret in clear.
//
// Both work inside the caller's transaction. Empty stays empty; a value saved before schema 17
// (not sealed) opens as it is until seal_plain_secrets runs.
std::string seal_secret(Database& db, std::string_view plain, std::string_view label);
// StorageError when this workstation lacks the key (it says how to get it) or the value does not
// open with it.
std::string open_secret(Database& db, const std::string& stored, std::string_view label);

// After an owner typed their password: their sealed copy is made or renewed, and a workstation
// without the key gets it from that copy. Inside the caller's transaction.
void enrol_with_password(Database& db, Id owner_id, std::string_view password);

// Whether this workstation holds the shop's key (true when the shop has none yet: it is made
// with the first secret).
bool shop_key_here(Database& db);
// For a shop whose key no workstation and no owner's password can bring back (a file copied to
// another computer before it had users, say): forgets the key and its copies and clears every
// sealed secret, to be entered again; the next secret saved makes a new key. Returns how many
// secrets were cleared. Inside the caller's transaction.
int reset_shop_key(Database& db);

// Seals what was saved in clear before schema 17; returns how many values. In its own
// transaction.
int seal_plain_secrets(Database& db);

}  // namespace dj
