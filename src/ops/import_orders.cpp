#include "ops/import_orders.h"

#include <map>

#include "core/base/error.h"
#include "core/base/translate.h"
#include "interchange/import_text.h"
#include "interchange/order_json.h"
#include "ops/access.h"
#include "ops/order_intake.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"
#include "store/stock/catalogue_repository.h"
#include "store/stock/stock_posting.h"

namespace dj::ops {

OrdersImported import_orders(Database& db, const Actor& actor, const std::string& file_bytes,
                             const std::string& source, Progress* progress) {
    require(actor, Permission::ManageOrders);
    ImportText file = decode_import_text(file_bytes, source);
    std::vector<ImportedOrder> parsed = parse_orders_json(file.text, source);
    if (progress) progress->total = static_cast<long>(parsed.size());
    StockPosting posting(db);
    CatalogueRepository catalogue(db);
    OrderIntake intake(posting, actor);
    std::map<std::string, Id> stores;
    OrdersImported out;
    out.encoding = file.encoding;
    for (std::size_t i = 0; i < parsed.size(); ++i) {
        if (progress) {
            if (progress->cancel)
                throw Cancelled(
                    trf("The import of {0} was stopped: none of its orders were kept", source));
            progress->done = static_cast<long>(i);
        }
        ImportedOrder& o = parsed[i];
        auto it = stores.find(o.store_code);
        if (it == stores.end()) {
            try {
                it = stores.emplace(o.store_code, catalogue.require_store(o.store_code).id).first;
            } catch (const NotFound& e) {
                throw InvalidInput(trf("{0}: order {1} ({2}), field store: {3}", source,
                                       std::to_string(i + 1), o.order.platform_order_id, e.what()));
            }
        }
        o.order.store_id = it->second;
        switch (intake.take(o.order).stored.outcome) {
            case UpsertOutcome::created:
                ++out.created;
                break;
            case UpsertOutcome::updated:
                ++out.updated;
                break;
            case UpsertOutcome::unchanged:
                ++out.unchanged;
                break;
            case UpsertOutcome::stale:
                ++out.stale;
                break;
        }
    }
    out.orders = static_cast<int>(parsed.size());
    audit(db, actor, "orders.import", source, std::to_string(parsed.size()) + " orders");
    posting.commit();
    if (progress) progress->done = static_cast<long>(parsed.size());
    return out;
}

}  // namespace dj::ops
