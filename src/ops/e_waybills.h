#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/base/progress.h"
#include "core/base/types.h"
#include "core/fulfilment/carrier_account.h"

namespace dj {
class Database;
class HttpClient;
}  // namespace dj

namespace dj::ops {

// E-waybills (电子面单) from the platforms: the stores' accounts, numbers for parcels, giving
// numbers back. Each change is audited under `actor`.

// Adds an entered account, or updates the store's account of the same carrier and branch. The
// carrier by code or name; the platform's code for it defaults to ours.
CarrierAccount save_carrier_account(Database& db, const Actor& actor, CarrierAccount account);
// Reads the store's accounts from its platform (where it has a call for it) and keeps them, with
// this sender name and phone (the platforms keep only the address). Returns them.
std::vector<CarrierAccount> sync_carrier_accounts(Database& db, HttpClient& http,
                                                  const Actor& actor, const std::string& store,
                                                  const std::string& sender_name,
                                                  const std::string& sender_phone);
std::vector<CarrierAccount> carrier_accounts(Database& db, const std::string& store = {});

// What became of one parcel.
struct FetchedParcel {
    std::string order_no;  // the parcel's head order
    std::string store;
    std::string carrier;  // our code
    std::string tracking_no;
    enum class Outcome { issued, had_one, refused, failed } outcome = Outcome::issued;
    std::string message;  // why not (the platform's words where it gave some)
};
struct WaybillFetchReport {
    std::vector<FetchedParcel> parcels;
    int count(FetchedParcel::Outcome o) const;
};

// A number from each order's platform for every parcel of `order_ids` that has none, from the
// store's account of `carrier` (code or name; empty: the store's first account), in batches of
// the platform's size. A parcel's request is committed before the platform is asked, so one
// asked again after a lost answer or a crash gets the same number: a parcel never holds two.
// A parcel not waiting to ship, held, or of a store without an account or connection is not
// asked and says why; a platform that fails leaves its parcels to be asked again. `progress`
// counts parcels; its cancel stops before the next batch.
WaybillFetchReport fetch_waybills(Database& db, HttpClient& http, const Actor& actor,
                                  const std::vector<Id>& order_ids, const std::string& carrier,
                                  Progress* progress = nullptr);

// Gives the parcel's number back: to the platform when it issued it, then the parcel has none.
// InvalidInput when the parcel has no number or has shipped. Returns the number given back.
std::string cancel_waybill(Database& db, HttpClient& http, const Actor& actor, Id order_id);

// The orders named by wave numbers, platform order ids or "#local numbers" (a wave stands for
// its orders, in slot order). NotFound naming what is neither.
std::vector<Id> orders_named(Database& db, const std::vector<std::string>& names);

// Every parcel of these orders (each once) with its waybill, if any, and what its last print came
// to, as the window's 打单发货 list and `waybill list` show them.
struct ParcelWaybill {
    std::string order_no;
    std::string store;
    std::string carrier;  // empty: no waybill yet
    std::string tracking_no;
    bool from_platform = false;
    bool printed = false;     // a print component said printed (at any time)
    std::string print_state;  // of the latest print task (document_state_code); empty: never
    std::string print_message;
};
std::vector<ParcelWaybill> parcel_waybills(Database& db, const std::vector<Id>& order_ids);

}  // namespace dj::ops
