#include "sync/outbox_sender.h"

#include <map>
#include <memory>

#include "adapter_registry.h"
#include "core/base/translate.h"
#include "core/fulfilment/carrier.h"
#include "platform_error.h"
#include "store/base/database.h"
#include "store/fulfilment/outbox_repository.h"
#include "store/orders/store_connection_repository.h"

namespace dj {

namespace {

// What became of one entry.
struct Outcome {
    bool done = false;  // the platform has it: acknowledge
    bool known = true;  // false: the answer was lost, the entry stays in doubt
    std::string error;  // why not done
};

bool shows_shipped(const std::optional<Order>& order) {
    return order &&
           (order->status == OrderStatus::shipped || order->status == OrderStatus::completed);
}

}  // namespace

OutboxFlushReport OutboxSender::flush(Timestamp now, int limit) {
    OutboxFlushReport report;
    OutboxRepository outbox(db_);
    std::map<Id, std::unique_ptr<PlatformAdapter>> adapters;
    // Each platform names carriers its own way (Pinduoduo and JD by number): read once a round.
    std::map<Id, std::vector<std::pair<std::string, std::string>>> carrier_lists;
    for (const OutboxEntry& e : outbox.due(now, limit)) {
        Outcome outcome;
        try {
            auto it = adapters.find(e.store_id);
            if (it == adapters.end()) {
                std::optional<StoreConnection> c = StoreConnectionRepository(db_).find(e.store_id);
                if (!c)
                    throw PlatformConfigError(
                        trf("Store {0} has no platform credentials: add them with store add",
                            e.store_code));
                it = adapters.emplace(e.store_id, make_adapter(*c, http_)).first;
            }
            PlatformAdapter& adapter = *it->second;
            if (e.kind == OutboxKind::shipment) {
                std::string carrier = e.carrier;
                if (const Carrier* known = find_carrier(e.carrier)) {
                    auto listed = carrier_lists.find(e.store_id);
                    if (listed == carrier_lists.end()) {
                        std::vector<std::pair<std::string, std::string>> list;
                        for (const PlatformCarrier& c : adapter.list_carriers())
                            list.emplace_back(c.code, c.name);
                        listed = carrier_lists.emplace(e.store_id, std::move(list)).first;
                    }
                    std::optional<std::string> code = platform_carrier_code(*known, listed->second);
                    if (!code)
                        throw PlatformConfigError(
                            trf("Store {0}: the platform's carrier list has no {1}; check the "
                                "carrier of order {2} or the store's logistics settings on the "
                                "platform",
                                e.store_code, carrier_name(*known), e.subject));
                    carrier = *code;
                }
                // A confirmation whose answer was lost may have arrived: the platforms treat a
                // second one as an error or a second shipment, so ask first.
                if (e.in_doubt_since && shows_shipped(adapter.fetch_order(e.subject))) {
                    outcome.done = true;
                } else {
                    WriteTransaction tx(db_);
                    outbox.mark_in_doubt(e.id, now);
                    tx.commit();
                    adapter.confirm_shipment({e.subject, carrier, e.tracking_no});
                    outcome.done = true;
                }
            } else {
                // Setting a quantity twice sets it once: a stock offer is simply sent again.
                adapter.push_stock({e.subject, e.quantity});
                outcome.done = true;
            }
        } catch (const AlreadyShipped&) {
            outcome.done = true;
        } catch (const MalformedResponse& ex) {
            outcome = {false, false, ex.what()};
        } catch (const PlatformUnavailable& ex) {
            outcome = {false, false, ex.what()};
        } catch (const PlatformError& ex) {
            outcome = {false, true, ex.what()};
        }
        WriteTransaction tx(db_);
        if (outcome.done) {
            outbox.acknowledge(e, now);
            ++report.sent;
        } else {
            std::string error = outcome.error;
            if (!outcome.known && e.kind == OutboxKind::shipment)
                error += " — " + tr("the platform may have it already: it is asked before the "
                                    "confirmation is sent again");
            outbox.failed(e.id, error, now + outbox_retry_delay(e.attempts + 1),
                          outcome.known || e.kind != OutboxKind::shipment);
            ++report.failed;
        }
        tx.commit();
    }
    return report;
}

}  // namespace dj
