#include "store/alerts/threshold_repository.h"

#include "core/base/translate.h"
#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"
#include "store/stock/catalogue_repository.h"
#include "store/stock/warehouse_repository.h"

namespace dj {

ThresholdBook load_thresholds(Database& db) {
    return ThresholdsAhead(db).book();
}

ThresholdsAhead::ThresholdsAhead(Database& db) {
    try {
        query_ = std::make_unique<sql::Statement>(
            connection(db), "SELECT name, sku_id, warehouse_id, value FROM stock_threshold");
        query_->prefetch();
    } catch (const sql::Error& e) {
        rethrow_storage_error(e, tr("reading stock thresholds"));
    }
}

ThresholdsAhead::~ThresholdsAhead() = default;

const ThresholdBook& ThresholdsAhead::book() {
    if (book_) return *book_;
    ThresholdBook book;
    try {
        while (query_->step()) {
            // A name this version does not know was written by a newer one: ignored, not lost.
            if (auto t = parse_threshold(query_->column(0).text()))
                book.set(*t, query_->column(1).int64(), query_->column(2).int64(),
                         query_->column(3).int64());
        }
        query_->reset();
    } catch (const sql::Error& e) {
        rethrow_storage_error(e, tr("reading stock thresholds"));
    }
    return *(book_ = std::move(book));
}

void save_threshold(Database& db, Threshold t, const std::string& sku, const std::string& warehouse,
                    std::optional<std::int64_t> value) {
    Id sku_id = sku.empty() ? 0 : CatalogueRepository(db).require_sku(sku).id;
    Id wh_id = warehouse.empty() ? 0 : WarehouseRepository(db).require_warehouse(warehouse).id;
    try {
        sql::Statement s(connection(db),
                         value ? "INSERT INTO stock_threshold(name, sku_id, warehouse_id, value) "
                                 "VALUES (?, ?, ?, ?) ON CONFLICT(name, sku_id, warehouse_id) "
                                 "DO UPDATE SET value = excluded.value"
                               : "DELETE FROM stock_threshold WHERE name = ? AND sku_id = ? "
                                 "AND warehouse_id = ?");
        s.bind(1, std::string(threshold_code(t)));
        s.bind(2, static_cast<int64_t>(sku_id));
        s.bind(3, static_cast<int64_t>(wh_id));
        if (value) s.bind(4, static_cast<int64_t>(*value));
        s.exec();
    } catch (const sql::Error& e) {
        rethrow_storage_error(e, tr("saving a stock threshold"));
    }
}

}  // namespace dj
