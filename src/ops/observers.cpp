#include "ops/observers.h"

#include <mutex>
#include <set>

#include "core/base/log.h"
#include "core/base/translate.h"
#include "store/alerts/alert_evaluation.h"
#include "store/base/database.h"
#include "store/base/shop_key.h"
#include "store/stock/stock_observers.h"
#include "store/stock/stock_offer.h"

namespace dj::ops {

void install_observers() {
    static std::once_flag once;
    std::call_once(once, [] {
        // Schema 17 brought the shop's key: what was kept in clear before is sealed with it.
        Database::after_upgrade([](Database& db, int from_version) {
            if (from_version < 17) seal_plain_secrets(db);
        });
        observe_stock_changes(StockPhase::in_transaction, [](Database& db,
                                                             const StockChange& change) {
            queue_stock_offers(db, change.at, std::set<Id>(change.skus.begin(), change.skus.end()));
        });
        observe_stock_changes(
            StockPhase::after_commit, [](Database& db, const StockChange& change) {
                try {
                    evaluate_stock_alerts(db, change.at, change.skus);
                } catch (const std::exception& e) {
                    log_message(LogLevel::warning,
                                trf("The movements are saved, but their stock alerts could not be "
                                    "checked: {0}. The next alert check catches up.",
                                    e.what()));
                }
            });
    });
}

}  // namespace dj::ops
