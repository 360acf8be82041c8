#include "store/stock/warehouse_repository.h"

#include "core/base/error.h"
#include "core/base/translate.h"
#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"

namespace dj {
namespace {

Warehouse read_warehouse(sql::Statement& s) {
    return Warehouse{s.column(0).int64(), s.column(1).text(), s.column(2).text(),
                     s.column(3).int32() != 0};
}

Location read_location(sql::Statement& s) {
    return Location{s.column(0).int64(), s.column(1).int64(), s.column(2).text(),
                    s.column(3).text(), s.column(4).int32()};
}

constexpr const char* kWarehouseColumns = "SELECT id, code, name, allow_negative FROM warehouse ";
constexpr const char* kLocationColumns =
    "SELECT id, warehouse_id, code, zone, walk_order FROM location ";

}  // namespace

Id WarehouseRepository::add_warehouse(const Warehouse& w) {
    if (w.code.empty()) throw InvalidInput(tr("A warehouse needs a code"));
    if (find_warehouse(w.code)) throw InvalidInput(trf("Warehouse {0} exists already", w.code));
    sql::Statement s(connection(db_),
                     "INSERT INTO warehouse(code, name, allow_negative) VALUES (?, ?, ?)");
    s.bind(1, w.code);
    s.bind(2, w.name.empty() ? w.code : w.name);
    s.bind(3, w.allow_negative ? 1 : 0);
    s.exec();
    Id id = connection(db_).last_insert_id();
    Location receiving;
    receiving.warehouse_id = id;
    receiving.code = kReceivingLocation;
    set_receiving_location(id, add_location(receiving));
    return id;
}

const char* const kReceivingLocationSql =
    "SELECT receiving_location_id FROM warehouse WHERE id = ?";

std::optional<Id> read_receiving_location(sql::Statement& s) {
    std::optional<Id> id;
    if (s.step() && !s.column(0).is_null()) id = s.column(0).int64();
    s.reset();
    return id;
}

std::optional<Id> WarehouseRepository::receiving_location(Id warehouse_id) {
    sql::Statement& s = db_.statement(kReceivingLocationSql);
    s.bind(1, static_cast<int64_t>(warehouse_id));
    return read_receiving_location(s);
}

void WarehouseRepository::set_receiving_location(Id warehouse_id, Id location_id) {
    sql::Statement s(connection(db_),
                     "UPDATE warehouse SET receiving_location_id = ? WHERE id = ?");
    s.bind(1, static_cast<int64_t>(location_id));
    s.bind(2, static_cast<int64_t>(warehouse_id));
    s.exec();
}

std::optional<Warehouse> WarehouseRepository::find_warehouse(std::string_view code) {
    sql::Statement s(connection(db_), std::string(kWarehouseColumns) + "WHERE code = ?");
    s.bind(1, std::string(code));
    if (!s.step()) return std::nullopt;
    return read_warehouse(s);
}

Warehouse WarehouseRepository::require_warehouse(std::string_view code) {
    if (auto w = find_warehouse(code)) return *w;
    throw NotFound(trf("Warehouse {0} does not exist. Add it with \"warehouse add\".", code));
}

std::optional<Warehouse> WarehouseRepository::warehouse_by_id(Id id) {
    sql::Statement s(connection(db_), std::string(kWarehouseColumns) + "WHERE id = ?");
    s.bind(1, static_cast<int64_t>(id));
    if (!s.step()) return std::nullopt;
    return read_warehouse(s);
}

std::vector<Warehouse> WarehouseRepository::list_warehouses() {
    sql::Statement s(connection(db_), std::string(kWarehouseColumns) + "ORDER BY id");
    std::vector<Warehouse> out;
    while (s.step())
        out.push_back(read_warehouse(s));
    return out;
}

Id WarehouseRepository::add_location(const Location& l) {
    if (l.code.empty()) throw InvalidInput(tr("A location needs a code such as A-01-02"));
    sql::Statement exists(connection(db_),
                          "SELECT 1 FROM location WHERE warehouse_id = ? AND code = ?");
    exists.bind(1, static_cast<int64_t>(l.warehouse_id));
    exists.bind(2, l.code);
    if (exists.step()) throw InvalidInput(trf("Location {0} exists already", l.code));
    sql::Statement& s = db_.statement(
        "INSERT INTO location(warehouse_id, code, zone, walk_order) VALUES (?, ?, ?, ?)");
    s.bind(1, static_cast<int64_t>(l.warehouse_id));
    s.bind(2, l.code);
    // The zone is the bin code's first part (A of A-01-02) unless given.
    s.bind(3, !l.zone.empty() ? l.zone : l.code.substr(0, l.code.find('-')));
    s.bind(4, l.walk_order);
    s.exec();
    return connection(db_).last_insert_id();
}

Location WarehouseRepository::require_location(Id warehouse_id, std::string_view code) {
    sql::Statement s(connection(db_),
                     std::string(kLocationColumns) + "WHERE warehouse_id = ? AND code = ?");
    s.bind(1, static_cast<int64_t>(warehouse_id));
    s.bind(2, std::string(code));
    if (!s.step())
        throw NotFound(
            trf("Location {0} does not exist in this warehouse. Add it with "
                "\"location add\".",
                code));
    return read_location(s);
}

std::vector<Location> WarehouseRepository::list_locations(Id warehouse_id) {
    sql::Statement s(connection(db_), std::string(kLocationColumns) +
                                          "WHERE warehouse_id = ? ORDER BY walk_order, code");
    s.bind(1, static_cast<int64_t>(warehouse_id));
    std::vector<Location> out;
    while (s.step())
        out.push_back(read_location(s));
    return out;
}

Id WarehouseRepository::ensure_batch(Id sku_id, std::string_view lot, std::string_view expiry) {
    if (lot.empty()) throw InvalidInput(tr("A batch needs a lot number"));
    sql::Statement& find =
        db_.statement("SELECT id, expiry FROM batch WHERE sku_id = ? AND lot = ?");
    find.bind(1, static_cast<int64_t>(sku_id));
    find.bind(2, std::string(lot));
    if (find.step()) {
        Id id = find.column(0).int64();
        std::string known = find.column(1).text();
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
    sql::Statement& add = db_.statement("INSERT INTO batch(sku_id, lot, expiry) VALUES (?, ?, ?)");
    add.bind(1, static_cast<int64_t>(sku_id));
    add.bind(2, std::string(lot));
    add.bind(3, std::string(expiry));
    add.exec();
    return connection(db_).last_insert_id();
}

std::optional<Batch> WarehouseRepository::batch_by_id(Id id) {
    sql::Statement s(connection(db_), "SELECT id, sku_id, lot, expiry FROM batch WHERE id = ?");
    s.bind(1, static_cast<int64_t>(id));
    if (!s.step()) return std::nullopt;
    return Batch{s.column(0).int64(), s.column(1).int64(), s.column(2).text(), s.column(3).text()};
}

std::optional<Id> WarehouseRepository::find_batch(Id sku_id, std::string_view lot) {
    sql::Statement s(connection(db_), "SELECT id FROM batch WHERE sku_id = ? AND lot = ?");
    s.bind(1, static_cast<int64_t>(sku_id));
    s.bind(2, std::string(lot));
    if (!s.step()) return std::nullopt;
    return s.column(0).int64();
}

}  // namespace dj
