#include "store/stock/catalogue_repository.h"

#include <map>
#include <unordered_map>

#include "core/base/error.h"
#include "core/base/translate.h"
#include "store/base/batch_insert.h"
#include "store/base/database.h"
#include "store/base/shop_profile.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"

namespace dj {
namespace {

constexpr const char* kStoreColumns =
    "SELECT id, code, name, platform, default_warehouse_id FROM shop_store ";

constexpr const char* kSkuColumns =
    "SELECT id, code, name, spec, unit, weight_g, shelf_life_days, flags, standard_cost_fen, "
    "supplier_id FROM sku ";

Sku read_sku(sql::Statement& s) {
    Sku k;
    k.id = s.column(0).int64();
    k.code = s.column(1).text();
    k.name = s.column(2).text();
    k.spec = s.column(3).text();
    k.unit = s.column(4).text();
    k.weight_g = s.column(5).int32();
    k.shelf_life_days = s.column(6).int32();
    k.flags = static_cast<unsigned>(s.column(7).int32());
    k.standard_cost = s.column(8).int64();
    k.supplier_id = read_optional(s.column(9));
    return k;
}

ShopStore read_store(sql::Statement& s) {
    ShopStore st;
    st.id = s.column(0).int64();
    st.code = s.column(1).text();
    st.name = s.column(2).text();
    st.platform = parse_platform(s.column(3).text());
    st.default_warehouse_id = read_optional(s.column(4));
    return st;
}

}  // namespace

Id CatalogueRepository::save_sku_fields(const Sku& sku) {
    sql::Statement& s = db_.statement(
        "INSERT INTO sku(code, name, spec, unit, weight_g, shelf_life_days, flags, "
        "standard_cost_fen, supplier_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(code) DO UPDATE SET name = excluded.name, spec = excluded.spec, "
        "unit = excluded.unit, weight_g = excluded.weight_g, "
        "shelf_life_days = excluded.shelf_life_days, flags = excluded.flags, "
        "standard_cost_fen = excluded.standard_cost_fen, supplier_id = excluded.supplier_id "
        "RETURNING id");
    s.bind(1, sku.code);
    s.bind(2, sku.name);
    s.bind(3, sku.spec);
    s.bind(4, sku.unit);
    s.bind(5, sku.weight_g);
    s.bind(6, sku.shelf_life_days);
    s.bind(7, static_cast<int64_t>(sku.flags));
    s.bind(8, static_cast<int64_t>(sku.standard_cost));
    bind_optional(s, 9, sku.supplier_id);
    s.step();
    Id id = s.column(0).int64();
    s.reset();
    return id;
}

void CatalogueRepository::set_reference_price(Id sku_id, std::optional<Fen> price) {
    sql::Statement& s = db_.statement("UPDATE sku SET reference_price_fen = ? WHERE id = ?");
    bind_optional(s, 1, price);
    s.bind(2, static_cast<int64_t>(sku_id));
    s.exec_deferred();
}

void CatalogueRepository::set_min_ship_days(Id sku_id, std::optional<int> days) {
    sql::Statement s(connection(db_), "UPDATE sku SET min_ship_days = ? WHERE id = ?");
    bind_optional(s, 1, days ? std::optional<std::int64_t>(*days) : std::nullopt);
    s.bind(2, static_cast<int64_t>(sku_id));
    s.exec();
}

void CatalogueRepository::set_shop_min_ship_days(int days) {
    store_shop_setting(db_, "min_ship_days", days);
}

int CatalogueRepository::shop_min_ship_days() {
    return static_cast<int>(shop_setting(db_, "min_ship_days").value_or(0));
}

std::optional<Fen> CatalogueRepository::reference_price(Id sku_id) {
    sql::Statement& s = db_.statement("SELECT reference_price_fen FROM sku WHERE id = ?");
    s.bind(1, static_cast<int64_t>(sku_id));
    std::optional<Fen> price;
    if (s.step()) price = read_optional(s.column(0));
    s.reset();
    return price;
}

void CatalogueRepository::clear_barcodes(Id sku_id) {
    sql::Statement& clear = db_.statement("DELETE FROM sku_barcode WHERE sku_id = ?");
    clear.bind(1, static_cast<int64_t>(sku_id));
    clear.exec_deferred();
}

void CatalogueRepository::add_barcodes(Id sku_id, const Sku& sku) {
    for (const std::string& barcode : sku.barcodes) {
        if (barcode.empty()) continue;
        sql::Statement& owner = db_.statement(
            "SELECT sku.code FROM sku_barcode JOIN sku ON sku.id = sku_barcode.sku_id "
            "WHERE barcode = ?");
        owner.bind(1, barcode);
        if (owner.step()) {
            std::string other = owner.column(0).text();
            owner.reset();
            throw InvalidInput(
                trf("Barcode {0} of SKU {1} already belongs to SKU {2}", barcode, sku.code, other));
        }
        sql::Statement& add =
            db_.statement("INSERT INTO sku_barcode(barcode, sku_id) VALUES (?, ?)");
        add.bind(1, barcode);
        add.bind(2, static_cast<int64_t>(sku_id));
        add.exec_deferred();  // no other SKU has it (read above, under the write lock)
    }
}

Id CatalogueRepository::save_sku(const Sku& sku) {
    Id id = save_sku_fields(sku);
    clear_barcodes(id);
    add_barcodes(id, sku);
    return id;
}

void CatalogueRepository::save_skus(const std::vector<Sku>& skus,
                                    const std::function<std::string(std::size_t)>& where) {
    std::vector<Id> ids;
    ids.reserve(skus.size());
    for (const Sku& sku : skus) {
        ids.push_back(save_sku_fields(sku));
        clear_barcodes(ids.back());
    }
    for (std::size_t i = 0; i < skus.size(); ++i) {
        try {
            add_barcodes(ids[i], skus[i]);
        } catch (const InvalidInput& e) {
            throw InvalidInput(where(i) + ": " + e.what());
        }
    }
}

std::vector<std::string> CatalogueRepository::barcodes_of(Id sku_id) {
    sql::Statement& s =
        db_.statement("SELECT barcode FROM sku_barcode WHERE sku_id = ? ORDER BY rowid");
    s.bind(1, static_cast<int64_t>(sku_id));
    std::vector<std::string> out;
    while (s.step())
        out.push_back(s.column(0).text());
    return out;
}

std::optional<Sku> CatalogueRepository::find_sku(std::string_view code) {
    // Its barcodes are asked for with it: one round trip to a server.
    sql::Statement barcodes(connection(db_),
                            "SELECT b.barcode FROM sku_barcode b JOIN sku k ON k.id = b.sku_id "
                            "WHERE k.code = ? ORDER BY b.rowid");
    barcodes.bind(1, std::string(code));
    barcodes.prefetch();
    sql::Statement s(connection(db_), std::string(kSkuColumns) + "WHERE code = ?");
    s.bind(1, std::string(code));
    if (!s.step()) return std::nullopt;
    Sku k = read_sku(s);
    while (barcodes.step())
        k.barcodes.push_back(barcodes.column(0).text());
    return k;
}

Sku CatalogueRepository::require_sku(std::string_view code) {
    if (auto k = find_sku(code)) return *k;
    throw NotFound(
        trf("SKU {0} does not exist. Check the code, or add it with \"sku import\".", code));
}

std::optional<Sku> CatalogueRepository::sku_by_id(Id id) {
    sql::Statement s(connection(db_), std::string(kSkuColumns) + "WHERE id = ?");
    s.bind(1, static_cast<int64_t>(id));
    if (!s.step()) return std::nullopt;
    Sku k = read_sku(s);
    k.barcodes = barcodes_of(k.id);
    return k;
}

std::optional<Id> CatalogueRepository::sku_id_by_barcode(std::string_view barcode) {
    sql::Statement& s = db_.statement("SELECT sku_id FROM sku_barcode WHERE barcode = ?");
    s.bind(1, std::string(barcode));
    std::optional<Id> id;
    if (s.step()) id = s.column(0).int64();
    s.reset();
    return id;
}

std::vector<Sku> CatalogueRepository::list_skus() {
    sql::Statement s(connection(db_), std::string(kSkuColumns) + "ORDER BY code");
    std::vector<Sku> out;
    while (s.step())
        out.push_back(read_sku(s));
    sql::Statement b(connection(db_), "SELECT sku_id, barcode FROM sku_barcode ORDER BY rowid");
    std::unordered_map<Id, std::vector<std::string>> by_sku;
    while (b.step())
        by_sku[b.column(0).int64()].push_back(b.column(1).text());
    for (Sku& k : out)
        k.barcodes = std::move(by_sku[k.id]);
    return out;
}

Id CatalogueRepository::save_supplier(const Supplier& supplier) {
    sql::Statement& s = db_.statement(
        "INSERT INTO supplier(code, name, lead_time_days, order_multiple) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(code) DO UPDATE SET name = excluded.name, "
        "lead_time_days = excluded.lead_time_days, order_multiple = excluded.order_multiple "
        "RETURNING id");
    s.bind(1, supplier.code);
    s.bind(2, supplier.name);
    s.bind(3, supplier.lead_time_days);
    s.bind(4, supplier.order_multiple);
    s.step();
    Id id = s.column(0).int64();
    s.reset();
    return id;
}

std::optional<Supplier> CatalogueRepository::find_supplier(std::string_view code) {
    sql::Statement s(connection(db_),
                     "SELECT id, code, name, lead_time_days, order_multiple FROM supplier "
                     "WHERE code = ?");
    s.bind(1, std::string(code));
    if (!s.step()) return std::nullopt;
    return Supplier{s.column(0).int64(), s.column(1).text(), s.column(2).text(),
                    s.column(3).int32(), s.column(4).int32()};
}

std::vector<Supplier> CatalogueRepository::list_suppliers() {
    sql::Statement s(connection(db_),
                     "SELECT id, code, name, lead_time_days, order_multiple FROM supplier "
                     "ORDER BY code");
    std::vector<Supplier> out;
    while (s.step())
        out.push_back(Supplier{s.column(0).int64(), s.column(1).text(), s.column(2).text(),
                               s.column(3).int32(), s.column(4).int32()});
    return out;
}

Id CatalogueRepository::save_store(const ShopStore& store) {
    sql::Statement& s = db_.statement(
        "INSERT INTO shop_store(code, name, platform, default_warehouse_id) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(code) DO UPDATE SET name = excluded.name, platform = excluded.platform, "
        "default_warehouse_id = excluded.default_warehouse_id RETURNING id");
    s.bind(1, store.code);
    s.bind(2, store.name);
    s.bind(3, std::string(platform_code(store.platform)));
    bind_optional(s, 4, store.default_warehouse_id);
    s.step();
    Id id = s.column(0).int64();
    s.reset();
    return id;
}

ShopStore CatalogueRepository::require_store(std::string_view code_or_name) {
    sql::Statement s(connection(db_),
                     std::string(kStoreColumns) +
                         "WHERE code = ?1 OR name = ?1 ORDER BY code = ?1 DESC LIMIT 1");
    s.bind(1, std::string(code_or_name));
    if (!s.step())
        throw NotFound(trf("Store {0} does not exist. Add it with \"store add\".", code_or_name));
    return read_store(s);
}

std::string CatalogueRepository::next_store_code(Platform platform) {
    std::string prefix(platform_code(platform));
    sql::Statement s(connection(db_), "SELECT code FROM shop_store WHERE code = ?");
    for (int n = 1;; ++n) {
        std::string code = prefix + "-" + std::to_string(n);
        s.reset();
        s.bind(1, code);
        if (!s.step()) return code;
    }
}

std::vector<ShopStore> CatalogueRepository::list_stores() {
    sql::Statement s(connection(db_), std::string(kStoreColumns) + "ORDER BY id");
    std::vector<ShopStore> out;
    while (s.step())
        out.push_back(read_store(s));
    return out;
}

void CatalogueRepository::save_mapping(const SkuMapping& mapping) {
    // Nothing here needs an answer: a shop server takes the mapping with the next statement that
    // does, and a demo's or an import's thousands of mappings are not a round trip each. The
    // components are SKUs the caller found, so none of these fails but with the transaction.
    sql::Statement& s = db_.statement(
        "INSERT INTO sku_mapping(store_id, platform_sku) VALUES (?, ?) "
        "ON CONFLICT(store_id, platform_sku) DO NOTHING");
    s.bind(1, static_cast<int64_t>(mapping.store_id));
    s.bind(2, mapping.platform_sku);
    s.exec_deferred();
    sql::Statement& clear = db_.statement(
        "DELETE FROM sku_mapping_item WHERE mapping_id = (SELECT id FROM sku_mapping WHERE "
        "store_id = ? AND platform_sku = ?)");
    clear.bind(1, static_cast<int64_t>(mapping.store_id));
    clear.bind(2, mapping.platform_sku);
    clear.exec_deferred();
    sql::Statement& add = db_.statement(
        "INSERT INTO sku_mapping_item(mapping_id, sku_id, qty) SELECT id, ?, ? FROM sku_mapping "
        "WHERE store_id = ? AND platform_sku = ? "
        "ON CONFLICT(mapping_id, sku_id) DO UPDATE SET qty = sku_mapping_item.qty + excluded.qty");
    for (const SkuComponent& c : mapping.components) {
        add.reset();
        add.bind(1, static_cast<int64_t>(c.sku_id));
        add.bind(2, static_cast<int64_t>(c.qty));
        add.bind(3, static_cast<int64_t>(mapping.store_id));
        add.bind(4, mapping.platform_sku);
        add.exec_deferred();
    }
}

std::vector<MappedListing> CatalogueRepository::listings_of_sku(Id sku_id) {
    sql::Statement s(
        connection(db_),
        "SELECT st.code, m.platform_sku, group_concat(k.code || '×' || i.qty, ' + '), count(*) "
        "FROM sku_mapping m JOIN shop_store st ON st.id = m.store_id "
        "JOIN sku_mapping_item i ON i.mapping_id = m.id JOIN sku k ON k.id = i.sku_id "
        "WHERE m.id IN (SELECT mapping_id FROM sku_mapping_item WHERE sku_id = ?) "
        "GROUP BY m.id ORDER BY st.code, m.platform_sku");
    s.bind(1, static_cast<int64_t>(sku_id));
    std::vector<MappedListing> out;
    while (s.step())
        out.push_back(
            {s.column(0).text(), s.column(1).text(), s.column(2).text(), s.column(3).int32() > 1});
    return out;
}

std::optional<SkuMapping> CatalogueRepository::find_mapping(Id store_id,
                                                            std::string_view platform_sku) {
    sql::Statement& s = db_.statement(
        "SELECT m.id, i.sku_id, i.qty FROM sku_mapping m "
        "JOIN sku_mapping_item i ON i.mapping_id = m.id "
        "WHERE m.store_id = ? AND m.platform_sku = ? ORDER BY i.sku_id");
    s.bind(1, static_cast<int64_t>(store_id));
    s.bind(2, std::string(platform_sku));
    SkuMapping m;
    m.store_id = store_id;
    m.platform_sku = std::string(platform_sku);
    while (s.step()) {
        m.id = s.column(0).int64();
        m.components.push_back({s.column(1).int64(), s.column(2).int64()});
    }
    if (m.components.empty()) return std::nullopt;
    return m;
}

std::map<std::string, SkuMapping> CatalogueRepository::find_mappings(
    Id store_id, const std::vector<std::string>& platform_skus) {
    static const ChunkedQuery query(
        "SELECT m.platform_sku, m.id, i.sku_id, i.qty FROM sku_mapping m JOIN sku_mapping_item i "
        "ON i.mapping_id = m.id WHERE m.store_id = ? AND m.platform_sku IN ({list}) ORDER BY "
        "m.platform_sku, i.sku_id");
    std::map<std::string, SkuMapping> found;
    for (std::size_t done = 0; done < platform_skus.size();) {
        const std::size_t n = batch_chunk(platform_skus.size() - done);
        sql::Statement& s = db_.statement(query.text(n));
        s.bind(1, static_cast<int64_t>(store_id));
        for (std::size_t k = 0; k < n; ++k)
            s.bind(static_cast<int>(k) + 2, platform_skus[done + k]);
        while (s.step()) {
            SkuMapping& m = found[s.column(0).text()];
            m.id = s.column(1).int64();
            m.store_id = store_id;
            m.platform_sku = s.column(0).text();
            m.components.push_back({s.column(2).int64(), s.column(3).int64()});
        }
        s.reset();
        done += n;
    }
    return found;
}

}  // namespace dj
