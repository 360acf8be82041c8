#include "ops/e_waybills.h"

#include <algorithm>
#include <map>

#include "adapter_registry.h"
#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/base/log.h"
#include "core/base/translate.h"
#include "core/fulfilment/carrier.h"
#include "core/stock/catalogue.h"
#include "ops/access.h"
#include "ops/fulfilment_queries.h"
#include "ops/order_queries.h"
#include "platform_error.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"
#include "store/fulfilment/carrier_account_repository.h"
#include "store/fulfilment/print_journal_repository.h"
#include "store/fulfilment/waybill_repository.h"
#include "store/fulfilment/waybill_request_repository.h"
#include "store/orders/order_merge.h"
#include "store/orders/store_connection_repository.h"
#include "store/stock/catalogue_repository.h"

namespace dj::ops {

namespace {

using Outcome = FetchedParcel::Outcome;

StoreConnection require_connection(Database& db, const ShopStore& store) {
    std::optional<StoreConnection> c = StoreConnectionRepository(db).find(store.id);
    if (!c)
        throw InvalidInput(
            trf("Store {0} is not connected to its platform: connect it first "
                "(store add with its app key and secret)",
                store.code));
    return *c;
}

// One parcel to ask a number for, with the account its request goes to.
struct Job {
    WaybillParcel parcel;
    CarrierAccount account;
    std::string object_id;
    std::size_t report_index = 0;
};

WaybillRequest request_of(const Job& job) {
    WaybillRequest r;
    r.object_id = job.object_id;
    r.platform_order_ids = job.parcel.platform_order_ids;
    r.receiver = job.parcel.receiver;
    for (const auto& [title, qty] : job.parcel.items)
        r.items.push_back({title, qty});
    return r;
}

// Whether a failed call says nothing about the parcels themselves (the platform, the network or
// the store's authorisation failed): they are asked again later, under the same object ids.
bool whole_call_failed(const PlatformError& e) {
    return dynamic_cast<const PlatformUnavailable*>(&e) ||
           dynamic_cast<const PlatformThrottled*>(&e) ||
           dynamic_cast<const AuthorizationExpired*>(&e) ||
           dynamic_cast<const PlatformConfigError*>(&e) ||
           dynamic_cast<const MalformedResponse*>(&e);
}

class Fetcher {
  public:
    Fetcher(Database& db, const Actor& actor, WaybillFetchReport& report)
        : db_(db), actor_(actor), report_(report) {}

    // Asks for one batch; a plain refusal of several parcels is narrowed down one by one, so
    // one bad order does not keep the others from their numbers.
    void ask(PlatformAdapter& adapter, const std::vector<Job>& batch) {
        std::vector<WaybillRequest> requests;
        for (const Job& j : batch)
            requests.push_back(request_of(j));
        std::vector<IssuedWaybill> answers;
        try {
            answers = adapter.fetch_waybills(batch.front().account, requests);
        } catch (const PlatformError& e) {
            if (!whole_call_failed(e) && batch.size() > 1) {
                for (const Job& j : batch)
                    ask(adapter, {j});
                return;
            }
            log_message(LogLevel::warning, std::string("waybill fetch: ") + e.what());
            WriteTransaction tx(db_);
            for (const Job& j : batch) {
                FetchedParcel& out = report_.parcels[j.report_index];
                out.message = e.what();
                if (whole_call_failed(e)) {
                    out.outcome = Outcome::failed;
                } else {
                    out.outcome = Outcome::refused;
                    settle_waybill_request(db_, j.object_id, "refused", "", e.what(),
                                           db_.clock().now());
                }
            }
            tx.commit();
            return;
        }
        save(batch, answers);
    }

  private:
    void save(const std::vector<Job>& batch, const std::vector<IssuedWaybill>& answers) {
        WriteTransaction tx(db_);
        const Timestamp now = db_.clock().now();
        for (const Job& j : batch) {
            FetchedParcel& out = report_.parcels[j.report_index];
            out.message.clear();
            auto a = std::find_if(answers.begin(), answers.end(), [&](const IssuedWaybill& w) {
                return w.object_id == j.object_id;
            });
            if (a == answers.end()) {
                out.outcome = Outcome::failed;
                out.message = tr("the platform did not answer for this parcel: ask again");
                continue;
            }
            if (!a->refusal.empty()) {
                out.outcome = Outcome::refused;
                out.message = a->refusal;
                settle_waybill_request(db_, j.object_id, "refused", "", a->refusal, now);
                continue;
            }
            std::string tracking = normalise_tracking(a->tracking_no);
            if (tracking.empty() || !fits_text(tracking, kMaxCodeLength)) {
                out.outcome = Outcome::failed;
                out.message =
                    trf("the platform's number \"{0}\" is not a tracking number", a->tracking_no);
                continue;
            }
            if (auto other = find_order_by_tracking(db_, tracking);
                other && *other != j.parcel.head) {
                out.outcome = Outcome::failed;
                out.message = trf("the platform's number {0} is already used by order #{1}",
                                  tracking, std::to_string(*other));
                continue;
            }
            settle_waybill_request(db_, j.object_id, "issued", tracking, "", now);
            if (std::optional<Waybill> had = find_waybill(db_, j.parcel.head)) {
                // Given one by hand meanwhile: the request stays issued, so the number is
                // taken again (not a new one) if that one is cancelled.
                out.outcome = Outcome::had_one;
                out.carrier = had->carrier;
                out.tracking_no = had->tracking_no;
                continue;
            }
            save_waybill(db_, Waybill{j.parcel.head, j.account.carrier, tracking, now, true,
                                      j.object_id, a->print_data});
            audit(db_, actor_, "waybill.fetch", j.parcel.order_no,
                  j.account.carrier + " " + tracking);
            out.outcome = Outcome::issued;
            out.carrier = j.account.carrier;
            out.tracking_no = tracking;
        }
        tx.commit();
    }

    Database& db_;
    const Actor& actor_;
    WaybillFetchReport& report_;
};

}  // namespace

int WaybillFetchReport::count(FetchedParcel::Outcome o) const {
    return static_cast<int>(std::count_if(parcels.begin(), parcels.end(),
                                          [o](const FetchedParcel& p) { return p.outcome == o; }));
}

CarrierAccount save_carrier_account(Database& db, const Actor& actor, CarrierAccount account) {
    require(actor, Permission::ManageStores);
    account.carrier = require_carrier(account.carrier, tr("e-waybill account carrier")).code;
    if (account.platform_code.empty()) account.platform_code = account.carrier;
    check_carrier_account(account);
    WriteTransaction tx(db);
    ShopStore store = CatalogueRepository(db).require_store(account.store);
    account.store = store.code;
    account.id = save_carrier_account(db, store.id, account);
    audit(db, actor, "waybill.account", store.code,
          account.carrier + " " + account.branch_code + " " + account.branch_name);
    tx.commit();
    return account;
}

std::vector<CarrierAccount> sync_carrier_accounts(Database& db, HttpClient& http,
                                                  const Actor& actor, const std::string& store,
                                                  const std::string& sender_name,
                                                  const std::string& sender_phone) {
    require(actor, Permission::ManageStores);
    ShopStore shop = CatalogueRepository(db).require_store(store);
    StoreConnection connection = require_connection(db, shop);
    std::unique_ptr<PlatformAdapter> adapter = make_adapter(connection, http);
    std::vector<CarrierAccount> accounts = adapter->list_carrier_accounts();
    if (accounts.empty())
        throw NotFound(
            trf("The platform of store {0} lists no e-waybill account: subscribe to "
                "one on the platform, or enter it (waybill account add)",
                shop.code));
    WriteTransaction tx(db);
    for (CarrierAccount& a : accounts) {
        a.store = shop.code;
        a.sender.name = sender_name;
        a.sender.phone = sender_phone;
        check_carrier_account(a);
        a.id = save_carrier_account(db, shop.id, a);
        audit(db, actor, "waybill.account", shop.code,
              a.carrier + " " + a.branch_code + " " + a.branch_name);
    }
    tx.commit();
    return accounts;
}

std::vector<CarrierAccount> carrier_accounts(Database& db, const std::string& store) {
    if (store.empty()) return list_carrier_accounts(db);
    return list_carrier_accounts(db, CatalogueRepository(db).require_store(store).id);
}

WaybillFetchReport fetch_waybills(Database& db, HttpClient& http, const Actor& actor,
                                  const std::vector<Id>& order_ids, const std::string& carrier,
                                  Progress* progress) {
    require(actor, Permission::Fulfil);
    std::string wanted;
    if (!carrier.empty()) wanted = require_carrier(carrier, tr("carrier")).code;
    WaybillFetchReport report;
    std::map<Id, StoreConnection> connections;
    std::map<std::pair<Id, Id>, std::vector<Job>> jobs;  // by store and account
    {
        WriteTransaction tx(db);
        const Timestamp now = db.clock().now();
        for (WaybillParcel& p : waybill_parcels(db, order_ids)) {
            FetchedParcel out{p.order_no, p.store, "", "", Outcome::refused, ""};
            std::size_t index = report.parcels.size();
            if (p.has_waybill) {
                std::optional<Waybill> w = find_waybill(db, p.head);
                out.outcome = Outcome::had_one;
                out.carrier = w->carrier;
                out.tracking_no = w->tracking_no;
                report.parcels.push_back(out);
                continue;
            }
            if (p.status != OrderStatus::to_ship) {
                out.message = trf("the order is {0}: only orders waiting to ship get a number",
                                  order_status_name(p.status));
                report.parcels.push_back(out);
                continue;
            }
            if (!p.hold.empty()) {
                out.message = trf("the order is held ({0}): release it first", p.hold);
                report.parcels.push_back(out);
                continue;
            }
            if (!connections.count(p.store_id)) {
                if (auto c = StoreConnectionRepository(db).find(p.store_id))
                    connections.emplace(p.store_id, *c);
            }
            if (!connections.count(p.store_id)) {
                out.message = trf("store {0} is not connected to its platform", p.store);
                report.parcels.push_back(out);
                continue;
            }
            std::vector<CarrierAccount> accounts = list_carrier_accounts(db, p.store_id);
            auto account = std::find_if(accounts.begin(), accounts.end(), [&](const auto& a) {
                return wanted.empty() || a.carrier == wanted;
            });
            if (account == accounts.end()) {
                out.message =
                    wanted.empty()
                        ? trf("store {0} has no e-waybill account: add one (waybill account "
                              "add or sync)",
                              p.store)
                        : trf("store {0} has no e-waybill account of {1}", p.store,
                              carrier_name(*find_carrier(wanted)));
                report.parcels.push_back(out);
                continue;
            }
            WaybillRequestRow request = open_waybill_request(db, p.head, account->id, now);
            CarrierAccount asked = *account;
            if (request.account_id != account->id)
                asked = find_carrier_account(db, request.account_id).value_or(*account);
            out.carrier = asked.carrier;
            out.outcome = Outcome::failed;
            out.message = tr("not asked: stopped");
            report.parcels.push_back(out);
            Id account_id = asked.id;
            jobs[{p.store_id, account_id}].push_back(
                {std::move(p), std::move(asked), request.object_id, index});
        }
        tx.commit();
    }
    long total = 0;
    for (const auto& [key, list] : jobs)
        total += static_cast<long>(list.size());
    if (progress) progress->total = total;
    Fetcher fetcher(db, actor, report);
    std::map<Id, std::unique_ptr<PlatformAdapter>> adapters;
    for (auto& [key, list] : jobs) {
        auto& adapter = adapters[key.first];
        if (!adapter) adapter = make_adapter(connections.at(key.first), http);
        const std::size_t size = std::max<std::size_t>(1, adapter->waybill_batch_limit());
        for (std::size_t i = 0; i < list.size(); i += size) {
            if (progress && progress->cancel) return report;
            std::vector<Job> batch(
                list.begin() + static_cast<std::ptrdiff_t>(i),
                list.begin() + static_cast<std::ptrdiff_t>(std::min(list.size(), i + size)));
            fetcher.ask(*adapter, batch);
            if (progress) progress->done += static_cast<long>(batch.size());
        }
    }
    return report;
}

std::string cancel_waybill(Database& db, HttpClient& http, const Actor& actor, Id order_id) {
    require(actor, Permission::Fulfil);
    const Id head = parcel_head(db, order_id);
    std::vector<WaybillParcel> parcels = waybill_parcels(db, {head});
    const WaybillParcel& p = parcels.front();
    std::optional<Waybill> w = find_waybill(db, head);
    if (!w) throw InvalidInput(trf("Order {0} has no waybill to cancel", p.order_no));
    if (p.status == OrderStatus::shipped || p.status == OrderStatus::completed)
        throw InvalidInput(
            trf("Order {0} has shipped under {1}: the carrier has the parcel, the "
                "number cannot be given back",
                p.order_no, w->tracking_no));
    std::optional<WaybillRequestRow> request;
    if (w->from_platform) {
        request = find_waybill_request(db, w->object_id);
        std::optional<CarrierAccount> account =
            request ? find_carrier_account(db, request->account_id) : std::nullopt;
        if (!account)
            throw StorageError(
                trf("Order {0}: the e-waybill request {1} of its number {2} is "
                    "missing; run check",
                    p.order_no, w->object_id, w->tracking_no));
        ShopStore store = CatalogueRepository(db).require_store(p.store);
        std::unique_ptr<PlatformAdapter> adapter =
            make_adapter(require_connection(db, store), http);
        adapter->cancel_waybill(*account, w->tracking_no);
    }
    WriteTransaction tx(db);
    remove_waybill(db, head);
    if (request)
        settle_waybill_request(db, request->object_id, "cancelled", "", "", db.clock().now());
    audit(db, actor, "waybill.cancel", p.order_no, w->carrier + " " + w->tracking_no);
    tx.commit();
    return w->tracking_no;
}

std::vector<Id> orders_named(Database& db, const std::vector<std::string>& names) {
    std::vector<Id> ids;
    for (const std::string& name : names) {
        if (std::optional<Id> id = find_order_for_packing(db, name)) {
            ids.push_back(*id);
            continue;
        }
        std::vector<WaveSlot> slots;
        try {
            slots = wave_slots(db, name);
        } catch (const NotFound&) {
            throw NotFound(
                trf("No order or wave {0}: give a wave number, a platform order id or "
                    "a #local number",
                    name));
        }
        for (const WaveSlot& s : slots)
            ids.push_back(s.order_id);
    }
    return ids;
}

std::vector<ParcelWaybill> parcel_waybills(Database& db, const std::vector<Id>& order_ids) {
    ReadTransaction read(db);
    std::vector<ParcelWaybill> rows;
    for (const WaybillParcel& p : waybill_parcels(db, order_ids)) {
        ParcelWaybill row;
        row.order_no = p.order_no;
        row.store = p.store;
        if (std::optional<Waybill> w = find_waybill(db, p.head)) {
            row.carrier = w->carrier;
            row.tracking_no = w->tracking_no;
            row.from_platform = w->from_platform;
            WaybillPrints prints = waybill_prints(db, w->tracking_no);
            row.printed = prints.printed;
            row.print_state = prints.last_state;
            row.print_message = prints.last_message;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace dj::ops
