#include "demo/demo_shop.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <random>
#include <string>

#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "core/orders/buyer_privacy.h"
#include "demo/demo_names.h"
#include "ops/order_intake.h"
#include "ops/purchasing.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"
#include "store/base/shop_profile.h"
#include "store/base/shop_stats.h"
#include "store/fulfilment/waybill_repository.h"
#include "store/orders/order_repository.h"
#include "store/orders/store_connection_repository.h"
#include "store/stock/catalogue_repository.h"
#include "store/stock/stock_posting.h"
#include "store/stock/warehouse_repository.h"

namespace dj {
namespace {

// mt19937_64 output is fixed by the standard; the distributions are not, so draws are made here.
class Random {
  public:
    explicit Random(std::uint64_t seed) : engine_(seed) {}
    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : engine_() % n; }
    std::int64_t between(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo + 1)));
    }
    bool chance(int percent) { return below(100) < static_cast<std::uint64_t>(percent); }
    template <class T>
    const T& pick(const std::vector<T>& v) {
        return v[below(v.size())];
    }
    std::string digits(int n) {
        std::string s;
        for (int i = 0; i < n; ++i)
            s.push_back(static_cast<char>('0' + below(10)));
        return s;
    }

  private:
    std::mt19937_64 engine_;
};

// EAN-13 with the GS1 China prefix 69 and a valid check digit.
std::string ean13(Random& rng) {
    std::string code = "69" + rng.digits(10);
    int sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += (code[i] - '0') * (i % 2 ? 3 : 1);
    code.push_back(static_cast<char>('0' + (10 - sum % 10) % 10));
    return code;
}

struct DemoSku {
    Id id = 0;
    std::string code;
    std::string name;
    Fen cost = 0;
    Fen reference_price = 0;  // what it normally sells for
    int shelf_life = 0;
    int popularity = 1;  // relative daily demand
    bool in_guangzhou = false;
    Id supplier_id = 0;
    Id cz_location = 0;
    Id gz_location = 0;
    std::vector<std::string> platform_ids;  // per store
};

struct DemoStore {
    Id id = 0;
    Platform platform;
    Id warehouse_id = 0;
};

std::string platform_sku_id(Platform p, Random& rng) {
    switch (p) {
        case Platform::taobao:
            return "5" + rng.digits(12);
        case Platform::jd:
            return "10" + rng.digits(9);
        case Platform::pinduoduo:
            return "8" + rng.digits(10);
        case Platform::douyin:
            return "17" + rng.digits(16);
    }
    return rng.digits(10);
}

std::string platform_order_id(Platform p, Random& rng, Timestamp at) {
    switch (p) {
        case Platform::taobao:
            return "3" + rng.digits(18);
        case Platform::jd:
            return "2" + rng.digits(11);
        case Platform::pinduoduo: {
            std::string d = shop_date(at);
            return d.substr(2, 2) + d.substr(5, 2) + d.substr(8, 2) + "-" + rng.digits(15);
        }
        case Platform::douyin:
            return "69" + rng.digits(17);
    }
    return rng.digits(12);
}

Receiver make_receiver(Random& rng, Platform p) {
    Receiver r;
    r.name =
        std::string(rng.pick(demo::surnames())) + std::string(rng.pick(demo::given_name_parts()));
    if (rng.chance(40)) r.name += std::string(rng.pick(demo::given_name_parts()));
    static const std::vector<std::string_view> prefixes{"130", "135", "136", "138", "139", "150",
                                                        "152", "158", "177", "180", "186", "189"};
    r.phone = std::string(rng.pick(prefixes)) + rng.digits(8);
    const demo::City& city = rng.pick(demo::cities());
    r.province = city.province;
    r.city = city.city;
    r.district = rng.pick(city.districts);
    r.address = std::string(rng.pick(demo::streets())) + std::to_string(rng.between(1, 999)) +
                "号" + std::to_string(rng.between(1, 30)) + "栋" +
                std::to_string(rng.between(101, 2806)) + "室";
    // Taobao, Pinduoduo and Douyin send receivers masked (or encrypted) to most apps.
    bool masked = p != Platform::jd && rng.chance(70);
    if (masked) {
        r.name = masked_name(r.name);
        r.phone = masked_phone(r.phone);
        r.address = std::string(rng.pick(demo::streets())) + "***";
    }
    return r;
}

}  // namespace

DemoReport build_demo_shop(Database& db, const DemoOptions& options, const Actor& actor) {
    // All or nothing: a demo interrupted half way leaves the file as empty as it was, so it can
    // simply be run again.
    WriteTransaction whole(db);
    if (shop_stat(db, "skus") > 0)
        throw InvalidInput(
            trf("The database {0} has SKUs already: the demo shop needs an empty "
                "database (use a new --db file)",
                db.path()));
    whole.check_foreign_keys_at_commit();
    Random rng(options.seed);
    DemoReport report;
    store_shop_name(db, "店家生活馆");  // printed on its reports and labels
    StockPosting posting(db);
    CatalogueRepository catalogue(db);
    WarehouseRepository warehouses(db);
    StockBook& book = posting.book();

    // Today at 00:00 shop time; all history is relative to it.
    const Timestamp today = options.today_days != 0
                                ? options.today_days * 86400LL - kShopUtcOffsetMinutes * 60LL
                                : parse_time(shop_date(db.clock().now()), "today");

    Warehouse cz{0, "CZ", "常州仓", false};
    Warehouse gz{0, "GZ", "广州仓", false};
    cz.id = warehouses.add_warehouse(cz);
    gz.id = warehouses.add_warehouse(gz);

    // Bins walked aisle by aisle, up one side and down the next.
    auto add_locations = [&](Id warehouse_id, std::string_view zones, int aisles, int levels) {
        std::vector<Id> ids;
        int walk = 0;
        for (char zone : zones)
            for (int aisle = 1; aisle <= aisles; ++aisle)
                for (int level = 1; level <= levels; ++level) {
                    char code[16];
                    std::snprintf(code, sizeof code, "%c-%02d-%02d", zone, aisle, level);
                    Location l{0, warehouse_id, code, std::string(1, zone), ++walk * 10};
                    ids.push_back(warehouses.add_location(l));
                }
        return ids;
    };
    std::vector<Id> cz_bins = add_locations(cz.id, "ABCD", 10, 5);
    std::vector<Id> gz_bins = add_locations(gz.id, "ABC", 8, 4);
    report.locations = static_cast<int>(cz_bins.size() + gz_bins.size());

    std::vector<Id> suppliers;
    for (std::size_t i = 0; i < demo::supplier_names().size(); ++i) {
        Supplier s{0, "SUP" + std::to_string(101 + i), std::string(demo::supplier_names()[i]),
                   static_cast<int>(rng.between(3, 20))};
        suppliers.push_back(catalogue.save_supplier(s));
    }

    std::vector<DemoStore> stores;
    struct StoreSpec {
        const char* code;
        const char* name;
        Platform platform;
        Id warehouse;
    };
    for (const StoreSpec& s :
         {StoreSpec{"tb-main", "店家生活旗舰店", Platform::taobao, cz.id},
          StoreSpec{"jd-main", "店家京东自营专区", Platform::jd, cz.id},
          StoreSpec{"pdd-main", "店家优选拼多多店", Platform::pinduoduo, gz.id},
          StoreSpec{"dy-main", "店家抖音小店", Platform::douyin, gz.id}}) {
        ShopStore st;
        st.code = s.code;
        st.name = s.name;
        st.platform = s.platform;
        st.default_warehouse_id = s.warehouse;
        stores.push_back({catalogue.save_store(st), s.platform, s.warehouse});
    }

    // About 500 SKUs: every product in every spec, in a plain and a new edition.
    std::vector<DemoSku> skus;
    const auto& cats = demo::categories();
    for (std::size_t c = 0; c < cats.size(); ++c) {
        const demo::Category& cat = cats[c];
        int n = 0;
        for (std::string_view product : cat.products)
            for (std::string_view spec : cat.specs)
                for (int edition = 0; edition < 2; ++edition) {
                    if (edition == 1 && rng.chance(30)) continue;
                    Sku sku;
                    char code[24];
                    std::snprintf(code, sizeof code, "%s-%04d", std::string(cat.prefix).c_str(),
                                  ++n);
                    sku.code = code;
                    sku.name = std::string(edition ? "新款" : "") + std::string(product);
                    sku.spec = spec;
                    sku.unit = cat.unit;
                    sku.barcodes.push_back(ean13(rng));
                    sku.weight_g =
                        static_cast<int>(rng.between(cat.min_weight_g, cat.max_weight_g));
                    sku.shelf_life_days = cat.shelf_life_days;
                    sku.flags = cat.flags;
                    // Costs end in whole jiao, as suppliers quote them.
                    sku.standard_cost = rng.between(cat.min_cost_fen, cat.max_cost_fen) / 10 * 10;
                    sku.supplier_id = suppliers[(c * 2 + rng.below(2)) % suppliers.size()];
                    DemoSku d;
                    d.code = sku.code;
                    d.name = sku.name;
                    d.cost = sku.standard_cost;
                    d.shelf_life = sku.shelf_life_days;
                    d.supplier_id = *sku.supplier_id;
                    d.id = catalogue.save_sku(sku);
                    d.reference_price = sku.standard_cost * 2 / 100 * 100 + 90;
                    catalogue.set_reference_price(d.id, d.reference_price);
                    // A few best sellers, a long tail.
                    std::uint64_t r = rng.below(100);
                    d.popularity = r < 5 ? 12 : r < 25 ? 4 : r < 70 ? 2 : 1;
                    d.in_guangzhou = rng.chance(60);
                    d.cz_location = cz_bins[skus.size() % cz_bins.size()];
                    d.gz_location = gz_bins[skus.size() % gz_bins.size()];
                    skus.push_back(std::move(d));
                }
    }
    report.skus = static_cast<int>(skus.size());

    // Each store lists every SKU under its own platform id; a few gift boxes are bundles.
    for (DemoSku& d : skus)
        for (const DemoStore& st : stores) {
            SkuMapping m;
            m.store_id = st.id;
            m.platform_sku = platform_sku_id(st.platform, rng);
            m.components = {{d.id, 1}};
            catalogue.save_mapping(m);
            d.platform_ids.push_back(m.platform_sku);
        }
    struct Bundle {
        std::vector<std::string> platform_ids;
        std::string title;
        Fen price = 0;
    };
    std::vector<Bundle> bundles;
    for (int b = 0; b < 12; ++b) {
        const DemoSku& first = skus[rng.below(skus.size())];
        const DemoSku& second = skus[rng.below(skus.size())];
        if (first.id == second.id) continue;
        // A gift box sells a little under its parts, ending in .90 like the rest.
        Fen parts = first.reference_price + 2 * second.reference_price;
        Bundle bundle{
            {}, first.name + "+" + second.name + " 组合礼盒", parts * 85 / 100 / 100 * 100 + 90};
        for (const DemoStore& st : stores) {
            SkuMapping m;
            m.store_id = st.id;
            m.platform_sku = platform_sku_id(st.platform, rng);
            m.components = {{first.id, 1}, {second.id, 2}};
            catalogue.save_mapping(m);
            bundle.platform_ids.push_back(m.platform_sku);
        }
        bundles.push_back(std::move(bundle));
    }

    // 90 days of stock history, day by day, in time order (the moving average depends on it).
    auto ctx_at = [&](Timestamp at, std::string doc, std::string reason = {}) {
        MovementContext c;
        c.at = at;
        c.doc = std::move(doc);
        c.reason = std::move(reason);
        c.actor = actor;
        return c;
    };
    auto receive = [&](const DemoSku& d, Id warehouse_id, Id location, Qty qty, Timestamp at,
                       const std::string& doc) {
        ReceiveArgs a;
        a.sku_id = d.id;
        a.warehouse_id = warehouse_id;
        a.qty = qty;
        a.location_id = location;
        // Purchase prices wander a few percent around the standard cost.
        a.unit_cost = d.cost * rng.between(95, 106) / 100;
        if (d.shelf_life > 0) {
            std::string day = shop_date(at);
            std::string lot = "L" + day.substr(0, 4) + day.substr(5, 2) + day.substr(8, 2);
            // One lot per SKU and day, made 5 to 30 days before it arrives.
            long arrival = days_from_date(day);
            long made = arrival - 5 - (d.id * 7 + arrival) % 26;
            a.batch_id = warehouses.ensure_batch(d.id, lot, date_from_days(made + d.shelf_life));
        }
        book.receive(ctx_at(at, doc), a);
    };

    const int days = std::max(1, options.history_days);
    const Timestamp start = today - days * 86400LL;
    int doc_seq = 0;
    auto doc = [&](const char* prefix, Timestamp at) {
        std::string day = shop_date(at);
        char buf[40];
        std::snprintf(buf, sizeof buf, "%s-%s%s%s-%04d", prefix, day.substr(0, 4).c_str(),
                      day.substr(5, 2).c_str(), day.substr(8, 2).c_str(), ++doc_seq % 10000);
        return std::string(buf);
    };
    struct Transit {
        std::size_t sku;
        std::optional<Id> batch;
        Qty qty;
        Timestamp arrives;
        std::string doc;
        Fen value;
        Timestamp sent;
    };
    std::vector<Transit> transits;

    for (std::size_t i = 0; i < skus.size(); ++i) {
        const DemoSku& d = skus[i];
        Timestamp at = start + 9 * 3600 + static_cast<Timestamp>(i) * 7;
        receive(d, cz.id, d.cz_location, d.popularity * 60 + rng.between(20, 80), at,
                doc("RCV", at));
        if (d.in_guangzhou)
            receive(d, gz.id, d.gz_location, d.popularity * 30 + rng.between(10, 40), at,
                    doc("RCV", at));
    }
    for (int day = 1; day <= days; ++day) {
        Timestamp morning = start + day * 86400LL + 9 * 3600;
        // Transfers that were on the road arrive first thing.
        for (auto it = transits.begin(); it != transits.end();) {
            if (it->arrives <= morning) {
                const DemoSku& d = skus[it->sku];
                book.transfer_in(ctx_at(morning, it->doc), d.id, gz.id, cz.id, it->qty, it->batch,
                                 it->value);
                it = transits.erase(it);
            } else {
                ++it;
            }
        }
        for (std::size_t i = 0; i < skus.size(); ++i) {
            const DemoSku& d = skus[i];
            Timestamp at = morning + static_cast<Timestamp>(rng.below(10 * 3600));
            for (Id wh : {cz.id, gz.id}) {
                if (wh == gz.id && !d.in_guangzhou) continue;
                Qty demand =
                    static_cast<Qty>(rng.below(static_cast<std::uint64_t>(d.popularity) * 2 + 1));
                if (wh == gz.id) demand /= 2;
                Qty available = book.available(d.id, wh);
                Qty shipped = std::min(demand, available);
                if (shipped > 0) book.ship(ctx_at(at, doc("SHP", at)), d.id, wh, shipped);
                // Replenish from the supplier when stock runs low.
                if (available - shipped < d.popularity * 8 && rng.chance(35))
                    receive(d, wh, wh == cz.id ? d.cz_location : d.gz_location,
                            d.popularity * 50 + rng.between(20, 60), at + 3600, doc("RCV", at));
                if (shipped > 0 && rng.chance(3))
                    book.customer_return(ctx_at(at + 7200, doc("RTN", at), "七天无理由退货"), d.id,
                                         wh, 1, wh == cz.id ? d.cz_location : d.gz_location,
                                         std::nullopt);
            }
            // Weekly top-ups from 常州 to 广州 for SKUs sold there.
            if (d.in_guangzhou && day % 7 == static_cast<int>(i % 7) && rng.chance(30)) {
                Qty qty = d.popularity * 10;
                if (book.available(d.id, cz.id) > qty * 2) {
                    std::string tdoc = doc("TRF", at);
                    std::size_t before = book.pending().size();
                    book.transfer_out(ctx_at(at, tdoc), d.id, cz.id, gz.id, qty);
                    // One arrival per lot that left, so batches travel with the goods.
                    for (std::size_t m = before; m < book.pending().size(); ++m) {
                        const Movement& out = book.pending()[m];
                        transits.push_back({i, out.batch_id, -out.qty,
                                            at + rng.between(2, 3) * 86400LL, tdoc, -out.value,
                                            at});
                    }
                }
            }
        }
        // Month-end style counts and the odd breakage.
        if (day % 30 == 0) {
            for (std::size_t i = 0; i < skus.size(); i += 7) {
                const DemoSku& d = skus[i];
                Qty on_hand = book.balance(d.id, cz.id).on_hand;
                Qty reserved = book.balance(d.id, cz.id).reserved;
                Qty counted = std::max(reserved, on_hand + rng.between(-2, 1));
                book.count(ctx_at(morning + 8 * 3600, doc("CNT", morning), "月末盘点"), d.id, cz.id,
                           counted, std::nullopt);
            }
        }
        if (rng.chance(40)) {
            const DemoSku& d = skus[rng.below(skus.size())];
            if (book.available(d.id, cz.id) > 0)
                book.scrap(ctx_at(morning + 5 * 3600, doc("SCR", morning), "搬运破损"), d.id, cz.id,
                           1, std::nullopt, std::nullopt);
        }
    }
    // Flush the history before the orders' reservations and lines are written beside it.
    posting.flush();

    // Open orders, mostly paid in the last three days.
    std::vector<Order> open_orders;
    open_orders.reserve(static_cast<std::size_t>(options.orders));
    Order last;
    std::size_t last_store = 0;
    for (int n = 0; n < options.orders; ++n) {
        std::size_t store_index = rng.below(stores.size());
        // Now and then the same buyer orders three times within the hour: the duplicate-buyer
        // rule holds the third for review.
        bool repeat = n > 0 && (n % 400 == 7 || n % 400 == 8);
        if (repeat) store_index = last_store;
        const DemoStore& st = stores[store_index];
        Order o;
        o.store_id = st.id;
        Timestamp created = today - 2 * 86400LL + static_cast<Timestamp>(rng.below(3 * 86400));
        if (repeat) created = last.created_at + 900;
        o.created_at = created;
        o.modified_at = created + static_cast<Timestamp>(rng.below(600));
        o.platform_order_id = platform_order_id(st.platform, rng, created);
        std::uint64_t roll = rng.below(100);
        o.status = roll < 94   ? OrderStatus::to_ship
                   : roll < 97 ? OrderStatus::refund_requested
                               : OrderStatus::pending_payment;
        if (o.status != OrderStatus::pending_payment) {
            o.paid_at = created + static_cast<Timestamp>(rng.below(300));
            o.promised_ship_at = *o.paid_at + 48 * 3600;
        }
        o.receiver = make_receiver(rng, st.platform);
        o.buyer_nick = std::string(rng.pick(demo::nicknames())) + "_" +
                       o.receiver.phone.substr(o.receiver.phone.size() - 4);
        if (repeat) {
            o.receiver = last.receiver;
            o.buyer_nick = last.buyer_nick;
        }
        if (rng.chance(8)) o.buyer_note = rng.pick(demo::buyer_notes());
        if (rng.chance(3)) {
            o.seller_memo = "老客户，送小样";
            o.seller_flag = 1;
        }
        int lines = rng.chance(70) ? 1 : rng.chance(70) ? 2 : 3;
        for (int l = 0; l < lines; ++l) {
            OrderLine line;
            if (!bundles.empty() && rng.chance(3)) {
                const Bundle& b = bundles[rng.below(bundles.size())];
                line.platform_sku_id = b.platform_ids[store_index];
                line.title = b.title;
                line.unit_price = b.price;
            } else {
                // Popular SKUs are ordered more often; 广州 stores sell what 广州 stocks.
                const DemoSku* d = &skus[rng.below(skus.size())];
                for (int tries = 0; tries < 8 && ((d->popularity < 4 && tries < 2) ||
                                                  (st.warehouse_id == gz.id && !d->in_guangzhou));
                     ++tries)
                    d = &skus[rng.below(skus.size())];
                line.platform_sku_id = d->platform_ids[store_index];
                line.seller_code = d->code;
                line.title = d->name;
                line.unit_price = (d->cost * rng.between(150, 260) / 100) / 100 * 100 + 90;
                // Now and then a listing was misconfigured at under half price.
                if (n % 211 == 17) line.unit_price = d->reference_price * 45 / 100;
            }
            line.quantity = rng.chance(80) ? 1 : rng.between(2, 3);
            // Two listings the shop has not mapped yet (商品对应): one whose seller code is a
            // SKU's code typed another way, one new listing known only by its title.
            if (l == 0 && (n % 97 == 7 || n % 101 == 13)) {
                bool typed = n % 97 == 7;
                const DemoSku& d = skus[typed ? 3 : 7];
                line.platform_sku_id = std::to_string(9100000000ULL + store_index * 10 + typed);
                line.seller_code.clear();
                line.title = "【新品】" + d.name + " 限时特惠";
                if (typed) {
                    for (char c : d.code)
                        line.seller_code.push_back(c == '-' ? ' '
                                                            : static_cast<char>(std::tolower(
                                                                  static_cast<unsigned char>(c))));
                    line.title = d.name;
                }
            }
            o.paid_amount += line.unit_price * line.quantity;
            o.lines.push_back(std::move(line));
        }
        o.freight = o.paid_amount >= 4900 ? 0 : 600;
        o.paid_amount += o.freight;
        last = o;
        last_store = store_index;
        open_orders.push_back(std::move(o));
    }
    // Taken in as a sync takes a batch: which are stored is read for all of them at once.
    ops::OrderIntake intake(posting, actor);
    intake.expect(open_orders);
    for (const Order& o : open_orders)
        intake.take(o);
    report.orders = options.orders;
    audit(
        db, actor, "demo.build", db.path(),
        "seed " + std::to_string(options.seed) + ", " + std::to_string(options.orders) + " orders");
    posting.commit();
    {
        // Open orders carry a carrier and tracking number, as an e-waybill call would give
        // them, so labels can be printed at once.
        WriteTransaction tx(db);
        std::vector<Waybill> waybills;
        Timestamp assigned = today - 3600;
        for (const auto& [order_id, platform] : OrderRepository(db).to_ship_platforms()) {
            Waybill w{order_id, {}, {}, assigned, false, {}, {}};
            if (platform == "jd") {
                w.carrier = "JD";
                w.tracking_no = "JDV" + rng.digits(12);
            } else if (rng.chance(20)) {
                w.carrier = "SF";
                w.tracking_no = "SF" + rng.digits(13);
            } else if (platform == "taobao") {
                w.carrier = "ZTO";
                w.tracking_no = "7" + rng.digits(13);
            } else {
                w.carrier = "YTO";
                w.tracking_no = "YT" + rng.digits(13);
            }
            waybills.push_back(std::move(w));
        }
        insert_waybills(db, waybills);
        audit(db, actor, "demo.waybills", db.path());
        tx.commit();
    }
    if (!options.platform_endpoint.empty()) {
        // The simulator's default credentials (SimulatorOptions in platform_simulator.h): with
        // `dianjia-cli simulate` running, the demo's first sync is a real one. Connected after
        // the stock was built, so the first sync, not the build, offers the stock.
        WriteTransaction tx(db);
        for (const DemoStore& st : stores) {
            StoreConnection c;
            c.store_id = st.id;
            c.app_key = "sim-app";
            c.app_secret = "sim-secret";
            c.token = "sim-token";
            c.endpoint = options.platform_endpoint;
            StoreConnectionRepository(db).save(c);
        }
        tx.commit();
    }
    {
        // A buyer's week: CZ's restock suggestions ordered, half of one line delivered.
        RestockFilter cz_only;
        cz_only.warehouse_id = cz.id;
        ops::RestockApproval ordered = ops::approve_restock(db, actor, cz_only);
        for (const PurchaseOrder& o : ordered.orders) {
            auto line = std::find_if(o.lines.begin(), o.lines.end(), [&](const auto& l) {
                std::optional<Sku> sku = catalogue.sku_by_id(l.sku_id);
                return sku && sku->shelf_life_days == 0 && l.qty >= 2;
            });
            if (line == o.lines.end()) continue;
            ops::PoReceiveRequest half;
            half.lines.push_back({line->sku, line->qty / 2, "A-01-01", {}, {}});
            ops::receive_purchase_order(db, actor, o.no, half);
            break;
        }
    }
    report.movements = shop_stat(db, "movements");
    report.allocated = static_cast<int>(allocated_orders(db));
    whole.commit();
    return report;
}

}  // namespace dj
