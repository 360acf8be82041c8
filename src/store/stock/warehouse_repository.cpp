#include "store/stock/warehouse_repository.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/base/error.h"
#include "core/base/translate.h"
#include "store/base/database.h"
#include "store/base/sql_binding.h"

namespace dj {
namespace {

Warehouse read_warehouse(SQLite::Statement& s) {
    return Warehouse{s.getColumn(0).getInt64(), s.getColumn(1).getString(),
                     s.getColumn(2).getString(), s.getColumn(3).getInt() != 0};
}

Location read_location(SQLite::Statement& s) {
    return Location{s.getColumn(0).getInt64(), s.getColumn(1).getInt64(),
                    s.getColumn(2).getString(), s.getColumn(3).getString(),
                    s.getColumn(4).getInt()};
}

constexpr const char* kWarehouseColumns = "SELECT id, code, name, allow_negative FROM warehouse ";
constexpr const char* kLocationColumns =
    "SELECT id, warehouse_id, code, zone, walk_order FROM location ";

}  // namespace

Id WarehouseRepository::add_warehouse(const Warehouse& w) {
    if (w.code.empty()) throw InvalidInput(tr("A warehouse needs a code"));
    if (find_warehouse(w.code)) throw InvalidInput(trf("Warehouse {0} exists already", w.code));
    SQLite::Statement s(connection(db_),
                        "INSERT INTO warehouse(code, name, allow_negative) VALUES (?, ?, ?)");
    s.bind(1, w.code);
    s.bind(2, w.name.empty() ? w.code : w.name);
    s.bind(3, w.allow_negative ? 1 : 0);
    s.exec();
    Id id = connection(db_).getLastInsertRowid();
    Location receiving;
    receiving.warehouse_id = id;
    receiving.code = kReceivingLocation;
    set_receiving_location(id, add_location(receiving));
    return id;
}

std::optional<Id> WarehouseRepository::receiving_location(Id warehouse_id) {
    SQLite::Statement& s =
        db_.statement("SELECT receiving_location_id FROM warehouse WHERE id = ?");
    s.bind(1, static_cast<int64_t>(warehouse_id));
    std::optional<Id> id;
    if (s.executeStep() && !s.getColumn(0).isNull()) id = s.getColumn(0).getInt64();
    s.reset();
    return id;
}

void WarehouseRepository::set_receiving_location(Id warehouse_id, Id location_id) {
    SQLite::Statement s(connection(db_),
                        "UPDATE warehouse SET receiving_location_id = ? WHERE id = ?");
    s.bind(1, static_cast<int64_t>(location_id));
    s.bind(2, static_cast<int64_t>(warehouse_id));
    s.exec();
}

std::optional<Warehouse> WarehouseRepository::find_warehouse(std::string_view code) {
    SQLite::Statement s(connection(db_), std::string(kWarehouseColumns) + "WHERE code = ?");
    s.bind(1, std::string(code));
    if (!s.executeStep()) return std::nullopt;
    return read_warehouse(s);
}

Warehouse WarehouseRepository::require_warehouse(std::string_view code) {
    if (auto w = find_warehouse(code)) return *w;
    throw NotFound(trf("Warehouse {0} does not exist. Add it with \"warehouse add\".", code));
}

std::optional<Warehouse> WarehouseRepository::warehouse_by_id(Id id) {
    SQLite::Statement s(connection(db_), std::string(kWarehouseColumns) + "WHERE id = ?");
    s.bind(1, static_cast<int64_t>(id));
    if (!s.executeStep()) return std::nullopt;
    return read_warehouse(s);
}

std::vector<Warehouse> WarehouseRepository::list_warehouses() {
    SQLite::Statement s(connection(db_), std::string(kWarehouseColumns) + "ORDER BY id");
    std::vector<Warehouse> out;
    while (s.executeStep())
        out.push_back(read_warehouse(s));
    return out;
}

Id WarehouseRepository::add_location(const Location& l) {
    if (l.code.empty()) throw InvalidInput(tr("A location needs a code such as A-01-02"));
    SQLite::Statement exists(connection(db_),
                             "SELECT 1 FROM location WHERE warehouse_id = ? AND code = ?");
    exists.bind(1, static_cast<int64_t>(l.warehouse_id));
    exists.bind(2, l.code);
    if (exists.executeStep()) throw InvalidInput(trf("Location {0} exists already", l.code));
    SQLite::Statement& s = db_.statement(
        "INSERT INTO location(warehouse_id, code, zone, walk_order) VALUES (?, ?, ?, ?)");
    s.bind(1, static_cast<int64_t>(l.warehouse_id));
    s.bind(2, l.code);
    // The zone is the bin code's first part (A of A-01-02) unless given.
    s.bind(3, !l.zone.empty() ? l.zone : l.code.substr(0, l.code.find('-')));
    s.bind(4, l.walk_order);
    s.exec();
    return connection(db_).getLastInsertRowid();
}

Location WarehouseRepository::require_location(Id warehouse_id, std::string_view code) {
    SQLite::Statement s(connection(db_),
                        std::string(kLocationColumns) + "WHERE warehouse_id = ? AND code = ?");
    s.bind(1, static_cast<int64_t>(warehouse_id));
    s.bind(2, std::string(code));
    if (!s.executeStep())
        throw NotFound(
            trf("Location {0} does not exist in this warehouse. Add it with "
                "\"location add\".",
                code));
    return read_location(s);
}

std::vector<Location> WarehouseRepository::list_locations(Id warehouse_id) {
    SQLite::Statement s(connection(db_), std::string(kLocationColumns) +
                                             "WHERE warehouse_id = ? ORDER BY walk_order, code");
    s.bind(1, static_cast<int64_t>(warehouse_id));
    std::vector<Location> out;
    while (s.executeStep())
        out.push_back(read_location(s));
    return out;
}

Id WarehouseRepository::ensure_batch(Id sku_id, std::string_view lot, std::string_view expiry) {
    if (lot.empty()) throw InvalidInput(tr("A batch needs a lot number"));
    SQLite::Statement& find =
        db_.statement("SELECT id, expiry FROM batch WHERE sku_id = ? AND lot = ?");
    find.bind(1, static_cast<int64_t>(sku_id));
    find.bind(2, std::string(lot));
    if (find.executeStep()) {
        Id id = find.getColumn(0).getInt64();
        std::string known = find.getColumn(1).getString();
        find.reset();
        if (!expiry.empty() && known != expiry)
            throw InvalidInput(
                trf("Batch {0} is recorded with expiry {1}, not {2}", lot, known, expiry));
        return id;
    }
    find.reset();
    if (expiry.empty())
        throw InvalidInput(
            trf("Batch {0} is new: give its expiry date (--expiry YYYY-MM-DD)", lot));
    SQLite::Statement& add =
        db_.statement("INSERT INTO batch(sku_id, lot, expiry) VALUES (?, ?, ?)");
    add.bind(1, static_cast<int64_t>(sku_id));
    add.bind(2, std::string(lot));
    add.bind(3, std::string(expiry));
    add.exec();
    return connection(db_).getLastInsertRowid();
}

std::optional<Batch> WarehouseRepository::batch_by_id(Id id) {
    SQLite::Statement s(connection(db_), "SELECT id, sku_id, lot, expiry FROM batch WHERE id = ?");
    s.bind(1, static_cast<int64_t>(id));
    if (!s.executeStep()) return std::nullopt;
    return Batch{s.getColumn(0).getInt64(), s.getColumn(1).getInt64(), s.getColumn(2).getString(),
                 s.getColumn(3).getString()};
}

std::optional<Id> WarehouseRepository::find_batch(Id sku_id, std::string_view lot) {
    SQLite::Statement s(connection(db_), "SELECT id FROM batch WHERE sku_id = ? AND lot = ?");
    s.bind(1, static_cast<int64_t>(sku_id));
    s.bind(2, std::string(lot));
    if (!s.executeStep()) return std::nullopt;
    return s.getColumn(0).getInt64();
}

}  // namespace dj
