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

OutboxFlushReport OutboxSender::flush(Timestamp now, int limit) {
    OutboxFlushReport report;
    OutboxRepository outbox(db_);
    std::map<Id, std::unique_ptr<PlatformAdapter>> adapters;
    // Each platform names carriers its own way (Pinduoduo and JD by number): read once a round.
    std::map<Id, std::vector<std::pair<std::string, std::string>>> carrier_lists;
    for (const OutboxEntry& e : outbox.due(now, limit)) {
        std::string error;
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
            if (e.kind == OutboxKind::shipment) {
                std::string carrier = e.carrier;
                if (const Carrier* known = find_carrier(e.carrier)) {
                    auto listed = carrier_lists.find(e.store_id);
                    if (listed == carrier_lists.end()) {
                        std::vector<std::pair<std::string, std::string>> list;
                        for (const PlatformCarrier& c : it->second->list_carriers())
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
                it->second->confirm_shipment({e.subject, carrier, e.tracking_no});
            } else {
                it->second->push_stock({e.subject, e.quantity});
            }
        } catch (const PlatformError& ex) {
            error = ex.what();
        }
        WriteTransaction tx(db_);
        if (error.empty()) {
            outbox.acknowledge(e, now);
            ++report.sent;
        } else {
            outbox.failed(e.id, error, now + outbox_retry_delay(e.attempts + 1));
            ++report.failed;
        }
        tx.commit();
    }
    return report;
}

}  // namespace dj
