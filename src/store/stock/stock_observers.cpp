#include "store/stock/stock_observers.h"

#include <mutex>

#include "store/base/database.h"

namespace dj {
namespace {

struct Registry {
    std::mutex mutex;
    std::vector<StockObserver> in_transaction;
    std::vector<StockObserver> after_commit;
};

Registry& registry() {
    static Registry r;
    return r;
}

std::vector<StockObserver> observers(StockPhase phase) {
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    return phase == StockPhase::in_transaction ? r.in_transaction : r.after_commit;
}

}  // namespace

void observe_stock_changes(StockPhase phase, StockObserver observer) {
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    (phase == StockPhase::in_transaction ? r.in_transaction : r.after_commit)
        .push_back(std::move(observer));
}

void stock_changed(Database& db, const StockChange& change) {
    if (change.skus.empty()) return;
    for (const StockObserver& o : observers(StockPhase::in_transaction))
        o(db, change);
    for (StockObserver& o : observers(StockPhase::after_commit))
        db.after_commit([&db, change, o = std::move(o)] { o(db, change); });
}

}  // namespace dj
