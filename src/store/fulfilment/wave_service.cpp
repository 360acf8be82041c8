#include "store/fulfilment/wave_service.h"

#include <cstdio>
#include <map>

#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "core/fulfilment/wave_plan.h"
#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"
#include "store/stock/stock_posting.h"

namespace dj {
namespace {

// A slot holds a parcel: its head order is in wave_order, the orders merged into it ride along,
// so units, pick lists and counts take the lines of every order in the parcel.
constexpr const char* kWaveColumns =
    "SELECT w.id, w.number, h.code, h.name, w.carrier, w.single_item, w.status, w.created_at, "
    "(SELECT count(*) FROM wave_order x WHERE x.wave_id = w.id), "
    "(SELECT ifnull(sum(i.qty), 0) FROM wave_order x JOIN order_line l ON l.order_id IN "
    " (SELECT x.order_id UNION ALL SELECT m.order_id FROM order_merge m "
    "  WHERE m.parcel_order_id = x.order_id) "
    " JOIN order_line_item i ON i.order_line_id = l.id WHERE x.wave_id = w.id), "
    "(SELECT count(*) FROM wave_order x JOIN order_packed p ON p.order_id = x.order_id "
    " WHERE x.wave_id = w.id) "
    "FROM wave w JOIN warehouse h ON h.id = w.warehouse_id ";

WaveInfo wave_from(sql::Statement& s) {
    WaveInfo w;
    w.id = s.column(0).int64();
    w.number = s.column(1).text();
    w.warehouse = s.column(2).text();
    w.warehouse_name = s.column(3).text();
    w.carrier = s.column(4).text();
    w.single_item = s.column(5).int32() != 0;
    w.status = s.column(6).text() == "open" ? WaveStatus::open : WaveStatus::closed;
    w.created_at = s.column(7).int64();
    w.orders = s.column(8).int32();
    w.units = s.column(9).int64();
    w.packed = s.column(10).int32();
    return w;
}

std::vector<WaveCandidate> load_candidates(Database& db) {
    // Only orders that hold stock can be eligible, so the scan stays small. A parcel is waved
    // through its head; it counts as held while any merged order is held, not allocated in the
    // head's warehouse or no longer waiting to ship.
    sql::Statement s(
        connection(db),
        "SELECT o.id, o.warehouse_id, coalesce(b.carrier, o.carrier), o.priority, "
        "o.promised_ship_at, "
        "ifnull(o.paid_at, o.created_at), o.status, "
        "(SELECT count(DISTINCT i.sku_id) FROM order_line l JOIN order_line_item i "
        " ON i.order_line_id = l.id WHERE l.order_id IN (SELECT o.id UNION ALL "
        " SELECT m.order_id FROM order_merge m WHERE m.parcel_order_id = o.id)), "
        "EXISTS (SELECT 1 FROM order_hold h WHERE h.order_id = o.id) OR "
        "EXISTS (SELECT 1 FROM order_merge m JOIN shop_order p ON p.id = m.order_id "
        " WHERE m.parcel_order_id = o.id AND (p.status <> 'to_ship' OR p.allocation <> 'allocated' "
        " OR p.warehouse_id IS NOT o.warehouse_id "
        " OR EXISTS (SELECT 1 FROM order_hold h WHERE h.order_id = p.id))), "
        "EXISTS (SELECT 1 FROM wave_order x WHERE x.order_id = o.id AND x.open = 1) "
        "FROM shop_order o LEFT JOIN order_waybill b ON b.order_id = o.id "
        "WHERE o.allocation = 'allocated' AND o.warehouse_id IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM order_merge m WHERE m.order_id = o.id)");
    std::vector<WaveCandidate> out;
    while (s.step()) {
        WaveCandidate c;
        c.order_id = s.column(0).int64();
        c.warehouse_id = s.column(1).int64();
        c.carrier = s.column(2).text();
        c.priority = s.column(3).int32();
        if (auto p = read_optional(s.column(4))) c.promised_ship_at = *p;
        c.paid_at = s.column(5).int64();
        c.status = order_status_from_code(s.column(6).text()).value_or(OrderStatus::shipped);
        c.sku_count = s.column(7).int32();
        c.held = s.column(8).int32() != 0;
        c.in_open_wave = s.column(9).int32() != 0;
        c.allocation = Allocation::allocated;
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace

std::vector<std::string> WaveService::close_finished_waves() {
    // An order leaves its wave when it no longer waits to ship (shipped, cancelled, refunded);
    // the wave closes with its last order so those orders can be waved again if they return.
    connection(db_).exec(
        "UPDATE wave_order SET open = 0 WHERE open = 1 AND order_id IN (SELECT id FROM "
        "shop_order WHERE status <> 'to_ship' OR allocation <> 'allocated')");
    sql::Statement closing(connection(db_),
                           "SELECT number FROM wave WHERE status = 'open' AND NOT EXISTS "
                           "(SELECT 1 FROM wave_order x WHERE x.wave_id = wave.id AND x.open = 1)");
    std::vector<std::string> closed;
    while (closing.step())
        closed.push_back(closing.column(0).text());
    for (const std::string& number : closed) {
        sql::Statement s(connection(db_), "UPDATE wave SET status = 'closed' WHERE number = ?");
        s.bind(1, number);
        s.exec();
    }
    return closed;
}

std::vector<WaveCandidate> WaveService::candidates() {
    return load_candidates(db_);
}

std::string WaveService::next_number(Timestamp now) {
    std::string date = shop_date(now);
    std::string prefix = "W" + date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2) + "-";
    sql::Statement s(connection(db_), "SELECT count(*) FROM wave WHERE number LIKE ? || '%'");
    s.bind(1, prefix);
    s.step();
    char seq[16];
    std::snprintf(seq, sizeof seq, "%03d", s.column(0).int32() + 1);
    return prefix + seq;
}

WaveInfo WaveService::insert_wave(const PlannedWave& p, Timestamp now,
                                  const std::string& created_by) {
    std::string number = next_number(now);
    sql::Statement w(connection(db_),
                     "INSERT INTO wave (number, warehouse_id, carrier, single_item, "
                     "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)");
    w.bind(1, number);
    w.bind(2, static_cast<int64_t>(p.warehouse_id));
    w.bind(3, p.carrier);
    w.bind(4, p.single_item ? 1 : 0);
    w.bind(5, static_cast<int64_t>(now));
    w.bind(6, created_by);
    w.exec();
    Id wave_id = connection(db_).last_insert_id();
    sql::Statement o(connection(db_),
                     "INSERT INTO wave_order (wave_id, order_id, slot) VALUES (?, ?, ?)");
    int slot = 0;
    for (Id order_id : p.order_ids) {
        o.reset();
        o.bind(1, static_cast<int64_t>(wave_id));
        o.bind(2, static_cast<int64_t>(order_id));
        o.bind(3, ++slot);
        o.exec();
    }
    return read_wave(wave_id);
}

WaveInfo WaveService::read_wave(Id wave_id) {
    sql::Statement s(connection(db_), std::string(kWaveColumns) + "WHERE w.id = ?");
    s.bind(1, static_cast<int64_t>(wave_id));
    s.step();
    return wave_from(s);
}

std::vector<WaveInfo> WaveService::list_waves() {
    sql::Statement s(connection(db_), std::string(kWaveColumns) + "ORDER BY w.id DESC");
    std::vector<WaveInfo> out;
    while (s.step())
        out.push_back(wave_from(s));
    return out;
}

WaveInfo WaveService::find_wave(const std::string& number) {
    sql::Statement s(connection(db_), std::string(kWaveColumns) + "WHERE w.number = ?");
    s.bind(1, number);
    if (!s.step()) throw NotFound(trf("Wave {0} does not exist: see wave list", number));
    return wave_from(s);
}

std::vector<WaveSlot> WaveService::wave_slots(const std::string& number) {
    WaveInfo wave = find_wave(number);
    sql::Statement s(
        connection(db_),
        "SELECT x.slot, o.id, o.platform_order_id, (SELECT ifnull(sum(i.qty), 0) FROM order_line l "
        "JOIN order_line_item i ON i.order_line_id = l.id WHERE l.order_id IN (SELECT o.id UNION "
        "ALL SELECT m.order_id FROM order_merge m WHERE m.parcel_order_id = o.id)) "
        "FROM wave_order x JOIN shop_order o ON o.id = x.order_id WHERE x.wave_id = ? "
        "ORDER BY x.slot");
    s.bind(1, static_cast<int64_t>(wave.id));
    std::vector<WaveSlot> out;
    while (s.step())
        out.push_back(
            {s.column(0).int32(), s.column(1).int64(), s.column(2).text(), s.column(3).int64()});
    return out;
}

PickSheet WaveService::pick_list(const std::string& number) {
    PickSheet sheet;
    sheet.wave = find_wave(number);
    sheet.slots = wave_slots(number);
    sql::Statement d(
        connection(db_),
        "SELECT x.slot, i.sku_id, sum(i.qty), o.warehouse_id FROM wave_order x "
        "JOIN shop_order o ON o.id = x.order_id "
        "JOIN order_line l ON l.order_id IN (SELECT o.id UNION ALL SELECT "
        "m.order_id FROM order_merge m WHERE m.parcel_order_id = o.id) "
        "JOIN order_line_item i ON i.order_line_id = l.id "
        "WHERE x.wave_id = ? GROUP BY x.slot, i.sku_id, o.warehouse_id ORDER BY x.slot");
    d.bind(1, static_cast<int64_t>(sheet.wave.id));
    std::vector<PickDemand> demands;
    Id warehouse = 0;
    while (d.step()) {
        demands.push_back({d.column(0).int32(), d.column(1).int64(), d.column(2).int64()});
        warehouse = d.column(3).int64();
    }
    SqlStockSource source(db_);
    std::map<Id, std::vector<Lot>> lots;
    // A picker is never sent to a batch that may not ship, nor to "no location": stock booked
    // before warehouses had a receiving location waits there.
    std::optional<Id> receiving = source.receiving_location(warehouse);
    int receiving_walk = receiving ? source.location_walk_order(*receiving) : 0;
    for (const PickDemand& p : demands)
        if (!lots.count(p.sku_id)) {
            std::vector<Lot>& shippable = lots[p.sku_id];
            ShelfDates dates = source.shelf_dates(p.sku_id);
            for (Lot& lot : source.load_lots(p.sku_id, warehouse)) {
                if (!lot_ships(lot, dates)) continue;
                if (!lot.location_id && receiving) {
                    lot.location_id = receiving;
                    lot.walk_order = receiving_walk;
                }
                shippable.push_back(std::move(lot));
            }
        }
    sheet.stops = build_pick_list(demands, lots);

    sql::Statement sku(connection(db_), "SELECT code, name, spec FROM sku WHERE id = ?");
    sql::Statement codes(connection(db_),
                         "SELECT barcode FROM sku_barcode WHERE sku_id = ? ORDER BY barcode");
    sql::Statement loc(connection(db_), "SELECT code FROM location WHERE id = ?");
    sql::Statement lot(connection(db_), "SELECT lot FROM batch WHERE id = ?");
    for (PickStop& stop : sheet.stops) {
        sku.reset();
        sku.bind(1, static_cast<int64_t>(stop.sku_id));
        if (sku.step()) {
            stop.sku_code = sku.column(0).text();
            stop.sku_name = sku.column(1).text();
            stop.spec = sku.column(2).text();
        }
        codes.reset();
        codes.bind(1, static_cast<int64_t>(stop.sku_id));
        while (codes.step())
            stop.barcodes.push_back(codes.column(0).text());
        if (stop.location_id) {
            loc.reset();
            loc.bind(1, static_cast<int64_t>(*stop.location_id));
            if (loc.step()) stop.location_code = loc.column(0).text();
        }
        if (stop.batch_id) {
            lot.reset();
            lot.bind(1, static_cast<int64_t>(*stop.batch_id));
            if (lot.step()) stop.lot = lot.column(0).text();
        }
    }
    return sheet;
}

}  // namespace dj
