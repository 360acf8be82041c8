#include "store/base/migrations.h"

#include "core/base/error.h"
#include "core/base/translate.h"
#include "store/base/schema_people.h"
#include "store/base/sql.h"

namespace dj {
namespace {

constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE supplier (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    lead_time_days INTEGER NOT NULL DEFAULT 7 CHECK (lead_time_days >= 0)
);

CREATE TABLE sku (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    spec TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    weight_g INTEGER NOT NULL DEFAULT 0 CHECK (weight_g >= 0),
    shelf_life_days INTEGER NOT NULL DEFAULT 0 CHECK (shelf_life_days >= 0),
    flags INTEGER NOT NULL DEFAULT 0,
    standard_cost_fen INTEGER NOT NULL DEFAULT 0 CHECK (standard_cost_fen >= 0),
    supplier_id INTEGER REFERENCES supplier(id)
);

CREATE TABLE sku_barcode (
    barcode TEXT PRIMARY KEY,
    sku_id INTEGER NOT NULL REFERENCES sku(id) ON DELETE CASCADE
);
CREATE INDEX sku_barcode_sku ON sku_barcode(sku_id);

CREATE TABLE warehouse (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    allow_negative INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE location (
    id INTEGER PRIMARY KEY,
    warehouse_id INTEGER NOT NULL REFERENCES warehouse(id),
    code TEXT NOT NULL,
    zone TEXT NOT NULL DEFAULT '',
    walk_order INTEGER NOT NULL DEFAULT 0,
    UNIQUE (warehouse_id, code)
);

CREATE TABLE batch (
    id INTEGER PRIMARY KEY,
    sku_id INTEGER NOT NULL REFERENCES sku(id),
    lot TEXT NOT NULL,
    expiry TEXT NOT NULL,
    UNIQUE (sku_id, lot)
);

CREATE TABLE shop_store (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    platform TEXT NOT NULL CHECK (platform IN ('taobao', 'jd', 'pinduoduo', 'douyin')),
    default_warehouse_id INTEGER REFERENCES warehouse(id)
);

CREATE TABLE sku_mapping (
    id INTEGER PRIMARY KEY,
    store_id INTEGER NOT NULL REFERENCES shop_store(id),
    platform_sku TEXT NOT NULL,
    UNIQUE (store_id, platform_sku)
);

CREATE TABLE sku_mapping_item (
    mapping_id INTEGER NOT NULL REFERENCES sku_mapping(id) ON DELETE CASCADE,
    sku_id INTEGER NOT NULL REFERENCES sku(id),
    qty INTEGER NOT NULL CHECK (qty > 0),
    PRIMARY KEY (mapping_id, sku_id)
);

-- The stock ledger: append-only (see the triggers below).
CREATE TABLE movement (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN
        ('receive', 'ship', 'transfer_out', 'transfer_in', 'count', 'return', 'scrap')),
    sku_id INTEGER NOT NULL REFERENCES sku(id),
    warehouse_id INTEGER NOT NULL REFERENCES warehouse(id),
    location_id INTEGER REFERENCES location(id),
    batch_id INTEGER REFERENCES batch(id),
    counterpart_warehouse_id INTEGER REFERENCES warehouse(id),
    qty INTEGER NOT NULL CHECK (qty <> 0),
    unit_cost_fen INTEGER NOT NULL,
    value_fen INTEGER NOT NULL,
    doc TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    operator TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    workstation TEXT NOT NULL
);
CREATE INDEX movement_sku_at ON movement(sku_id, at);
CREATE INDEX movement_at ON movement(at);
CREATE INDEX movement_doc ON movement(doc);

CREATE TRIGGER movement_is_append_only_update BEFORE UPDATE ON movement
BEGIN SELECT RAISE(ABORT, 'the stock ledger is append-only: post a correcting movement'); END;
CREATE TRIGGER movement_is_append_only_delete BEFORE DELETE ON movement
BEGIN SELECT RAISE(ABORT, 'the stock ledger is append-only: post a correcting movement'); END;

-- Derived from the ledger (and reservations), kept in the movement's transaction.
CREATE TABLE stock_balance (
    sku_id INTEGER NOT NULL REFERENCES sku(id),
    warehouse_id INTEGER NOT NULL REFERENCES warehouse(id),
    on_hand INTEGER NOT NULL DEFAULT 0,
    reserved INTEGER NOT NULL DEFAULT 0,
    in_transit INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (sku_id, warehouse_id)
) WITHOUT ROWID;

CREATE TABLE stock_lot (
    id INTEGER PRIMARY KEY,
    sku_id INTEGER NOT NULL REFERENCES sku(id),
    warehouse_id INTEGER NOT NULL REFERENCES warehouse(id),
    location_id INTEGER REFERENCES location(id),
    batch_id INTEGER REFERENCES batch(id),
    on_hand INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX stock_lot_key
    ON stock_lot(sku_id, warehouse_id, ifnull(location_id, 0), ifnull(batch_id, 0));

CREATE TABLE sku_cost (
    sku_id INTEGER PRIMARY KEY REFERENCES sku(id),
    qty INTEGER NOT NULL,
    value_fen INTEGER NOT NULL,
    last_unit_cost_fen INTEGER NOT NULL
);

CREATE TABLE shop_order (
    id INTEGER PRIMARY KEY,
    store_id INTEGER NOT NULL REFERENCES shop_store(id),
    platform_order_id TEXT NOT NULL,
    status TEXT NOT NULL,
    buyer_nick TEXT NOT NULL DEFAULT '',
    buyer_note TEXT NOT NULL DEFAULT '',
    seller_memo TEXT NOT NULL DEFAULT '',
    seller_flag INTEGER NOT NULL DEFAULT 0,
    receiver_name TEXT NOT NULL DEFAULT '',
    receiver_phone TEXT NOT NULL DEFAULT '',
    province TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    district TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    paid_amount_fen INTEGER NOT NULL DEFAULT 0,
    freight_fen INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    paid_at INTEGER,
    modified_at INTEGER NOT NULL,
    promised_ship_at INTEGER,
    allocation TEXT NOT NULL DEFAULT 'none',
    warehouse_id INTEGER REFERENCES warehouse(id),
    UNIQUE (store_id, platform_order_id)
);
CREATE INDEX shop_order_status ON shop_order(status);

CREATE TABLE order_line (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES shop_order(id) ON DELETE CASCADE,
    line_no INTEGER NOT NULL,
    platform_sku_id TEXT NOT NULL DEFAULT '',
    seller_code TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_fen INTEGER NOT NULL,
    UNIQUE (order_id, line_no)
);

-- Local units an order line needs (a bundle expands to several) and what is held for them.
CREATE TABLE order_line_item (
    id INTEGER PRIMARY KEY,
    order_line_id INTEGER NOT NULL REFERENCES order_line(id) ON DELETE CASCADE,
    sku_id INTEGER NOT NULL REFERENCES sku(id),
    qty INTEGER NOT NULL CHECK (qty > 0),
    reserved_qty INTEGER NOT NULL DEFAULT 0 CHECK (reserved_qty >= 0),
    reserved_warehouse_id INTEGER REFERENCES warehouse(id)
);
CREATE INDEX order_line_item_line ON order_line_item(order_line_id);
CREATE INDEX order_line_item_reserved ON order_line_item(sku_id, reserved_warehouse_id)
    WHERE reserved_qty > 0;

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    user TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    workstation TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT ''
);
)sql";

// Version 2: platform sync. Store credentials, per-store sync cursors, the outbox of calls owed
// to platforms, order holds and intercepts, and the last stock figure pushed per platform SKU.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE store_connection (
    store_id INTEGER PRIMARY KEY REFERENCES shop_store(id),
    app_key TEXT NOT NULL DEFAULT '',
    app_secret TEXT NOT NULL DEFAULT '',
    token TEXT NOT NULL DEFAULT '',
    endpoint TEXT NOT NULL DEFAULT '',
    sign_method TEXT NOT NULL DEFAULT '',
    stock_share_percent INTEGER NOT NULL DEFAULT 100
        CHECK (stock_share_percent BETWEEN 0 AND 100),
    stock_buffer INTEGER NOT NULL DEFAULT 0 CHECK (stock_buffer >= 0)
);

CREATE TABLE sync_state (
    store_id INTEGER PRIMARY KEY REFERENCES shop_store(id),
    cursor_at INTEGER,
    last_run_at INTEGER,
    failing INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    last_raw_body TEXT NOT NULL DEFAULT ''
);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    store_id INTEGER NOT NULL REFERENCES shop_store(id),
    kind TEXT NOT NULL CHECK (kind IN ('shipment', 'stock')),
    subject TEXT NOT NULL,
    carrier TEXT NOT NULL DEFAULT '',
    tracking_no TEXT NOT NULL DEFAULT '',
    quantity INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error TEXT NOT NULL DEFAULT '',
    acknowledged_at INTEGER
);
CREATE INDEX outbox_pending ON outbox(next_attempt_at) WHERE acknowledged_at IS NULL;

CREATE TABLE order_hold (
    order_id INTEGER PRIMARY KEY REFERENCES shop_order(id),
    reason TEXT NOT NULL,
    intercept INTEGER NOT NULL DEFAULT 0,
    at INTEGER NOT NULL
);

CREATE TABLE stock_push_state (
    store_id INTEGER NOT NULL REFERENCES shop_store(id),
    platform_sku TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    PRIMARY KEY (store_id, platform_sku)
) WITHOUT ROWID;
)sql";

// Version 3: closed months. A closed month keeps its whole report (opening, every flow, closing
// per SKU × warehouse; warehouse_id 0 = in transit) so it and the next month's opening are read
// instantly and never change; reopening deletes the month and every later one.
constexpr const char* kSchemaV3 = R"sql(
CREATE TABLE period_close (
    month TEXT PRIMARY KEY,
    start_at INTEGER NOT NULL,
    end_at INTEGER NOT NULL,
    closed_at INTEGER NOT NULL,
    closed_by TEXT NOT NULL
);
CREATE TABLE period_snapshot (
    month TEXT NOT NULL REFERENCES period_close(month) ON DELETE CASCADE,
    warehouse_id INTEGER NOT NULL,
    sku_id INTEGER NOT NULL REFERENCES sku(id),
    open_qty INTEGER NOT NULL, open_value INTEGER NOT NULL,
    receipt_qty INTEGER NOT NULL, receipt_value INTEGER NOT NULL,
    return_qty INTEGER NOT NULL, return_value INTEGER NOT NULL,
    transfer_in_qty INTEGER NOT NULL, transfer_in_value INTEGER NOT NULL,
    count_gain_qty INTEGER NOT NULL, count_gain_value INTEGER NOT NULL,
    shipment_qty INTEGER NOT NULL, shipment_value INTEGER NOT NULL,
    transfer_out_qty INTEGER NOT NULL, transfer_out_value INTEGER NOT NULL,
    count_loss_qty INTEGER NOT NULL, count_loss_value INTEGER NOT NULL,
    scrap_qty INTEGER NOT NULL, scrap_value INTEGER NOT NULL,
    close_qty INTEGER NOT NULL, close_value INTEGER NOT NULL,
    PRIMARY KEY (month, warehouse_id, sku_id)
) WITHOUT ROWID;
)sql";

// Version 4: what people decide about an order locally: urgency and an internal note (the
// seller memo stays the platform's).
constexpr const char* kSchemaV4 = R"sql(
ALTER TABLE shop_order ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
ALTER TABLE shop_order ADD COLUMN note TEXT NOT NULL DEFAULT '';
)sql";

// Version 5: waves and the packing line. A waybill (carrier and tracking number) per order; waves
// with their orders in put-wall slots (an order is in at most one open wave, enforced by the
// partial unique index); every pack scan; packed parcels; the printer chosen per document type.
constexpr const char* kSchemaV5 = R"sql(
CREATE TABLE order_waybill (
    order_id INTEGER PRIMARY KEY REFERENCES shop_order(id),
    carrier TEXT NOT NULL,
    tracking_no TEXT NOT NULL,
    assigned_at INTEGER NOT NULL
);
CREATE INDEX order_waybill_tracking ON order_waybill(tracking_no);

CREATE TABLE wave (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    warehouse_id INTEGER NOT NULL REFERENCES warehouse(id),
    carrier TEXT NOT NULL DEFAULT '',
    single_item INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL
);

CREATE TABLE wave_order (
    wave_id INTEGER NOT NULL REFERENCES wave(id),
    order_id INTEGER NOT NULL REFERENCES shop_order(id),
    slot INTEGER NOT NULL CHECK (slot > 0),
    open INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (wave_id, order_id),
    UNIQUE (wave_id, slot)
);
CREATE UNIQUE INDEX wave_order_one_open ON wave_order(order_id) WHERE open = 1;

CREATE TABLE pack_scan (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES shop_order(id),
    at INTEGER NOT NULL,
    code TEXT NOT NULL,
    outcome TEXT NOT NULL,
    user TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    workstation TEXT NOT NULL
);
CREATE INDEX pack_scan_order ON pack_scan(order_id);

CREATE TABLE order_packed (
    order_id INTEGER PRIMARY KEY REFERENCES shop_order(id),
    packed_at INTEGER NOT NULL,
    packed_by TEXT NOT NULL,
    workstation TEXT NOT NULL
);

CREATE TABLE printer_choice (
    document TEXT PRIMARY KEY CHECK (document IN ('label', 'a4')),
    printer TEXT NOT NULL
);
)sql";

// Version 6: stock alerts, restock and purchase orders, notification channels. Thresholds are
// named figures with a scope (sku_id / warehouse_id 0 = every one). At most one alert per kind x
// SKU x warehouse is active (open or acknowledged); resolved ones stay as history. Notifications
// wait in their own outbox until a channel accepts them.
constexpr const char* kSchemaV6 = R"sql(
ALTER TABLE supplier ADD COLUMN order_multiple INTEGER NOT NULL DEFAULT 1
    CHECK (order_multiple >= 1);

CREATE TABLE stock_threshold (
    name TEXT NOT NULL,
    sku_id INTEGER NOT NULL DEFAULT 0,
    warehouse_id INTEGER NOT NULL DEFAULT 0,
    value INTEGER NOT NULL,
    PRIMARY KEY (name, sku_id, warehouse_id)
) WITHOUT ROWID;

CREATE TABLE alert (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('low_stock', 'out_of_stock', 'overstock', 'expiring',
        'expired', 'stagnant', 'count_loss', 'oversold')),
    sku_id INTEGER NOT NULL REFERENCES sku(id),
    warehouse_id INTEGER NOT NULL REFERENCES warehouse(id),
    status TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
    detail TEXT NOT NULL DEFAULT '',
    opened_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    acknowledged_at INTEGER,
    acknowledged_by TEXT NOT NULL DEFAULT '',
    snoozed_until INTEGER,
    resolved_at INTEGER
);
CREATE UNIQUE INDEX alert_active ON alert(kind, sku_id, warehouse_id) WHERE status <> 'resolved';
CREATE INDEX alert_sku ON alert(sku_id, warehouse_id) WHERE status <> 'resolved';

CREATE TABLE purchase_order (
    id INTEGER PRIMARY KEY,
    no TEXT NOT NULL UNIQUE,
    supplier_id INTEGER NOT NULL REFERENCES supplier(id),
    warehouse_id INTEGER NOT NULL REFERENCES warehouse(id),
    status TEXT NOT NULL CHECK (status IN
        ('draft', 'ordered', 'partly_received', 'received', 'cancelled')),
    expected_at INTEGER,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL
);
CREATE TABLE purchase_order_line (
    po_id INTEGER NOT NULL REFERENCES purchase_order(id) ON DELETE CASCADE,
    line_no INTEGER NOT NULL,
    sku_id INTEGER NOT NULL REFERENCES sku(id),
    qty INTEGER NOT NULL CHECK (qty > 0),
    received_qty INTEGER NOT NULL DEFAULT 0 CHECK (received_qty >= 0),
    unit_cost_fen INTEGER NOT NULL CHECK (unit_cost_fen >= 0),
    PRIMARY KEY (po_id, line_no)
) WITHOUT ROWID;
CREATE INDEX purchase_order_line_sku ON purchase_order_line(sku_id);

CREATE TABLE notify_channel (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('wecom', 'dingtalk', 'smtp', 'desktop')),
    name TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL DEFAULT '',
    secret TEXT NOT NULL DEFAULT '',
    alert_kinds TEXT NOT NULL DEFAULT '',
    quiet_from INTEGER,
    quiet_to INTEGER,
    last_error TEXT NOT NULL DEFAULT '',
    last_sent_at INTEGER
);
CREATE TABLE notify_outbox (
    id INTEGER PRIMARY KEY,
    channel_id INTEGER NOT NULL REFERENCES notify_channel(id) ON DELETE CASCADE,
    alert_id INTEGER REFERENCES alert(id),
    text TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error TEXT NOT NULL DEFAULT '',
    sent_at INTEGER
);
CREATE INDEX notify_outbox_pending ON notify_outbox(next_attempt_at) WHERE sent_at IS NULL;
)sql";

// Version 7: order rules. Rules are kept as their JSON (interchange/rule_json.h), in order; the
// five defaults below are data, edited like any other rule. An order may carry several holds at
// once, each from its own source (a person, the platform, a rule, an intercept), so lifting an
// intercept releases exactly what it held; a hold a person released is remembered in
// order_hold_waiver so the same rule or intercept does not catch the order again. Tags, the
// log of every rule decision, standing intercepts, merged parcels, reference prices for the
// price check, and what rules chose (warehouse, carrier, gift lines).
constexpr const char* kSchemaV7 = R"sql(
CREATE TABLE order_rule (
    id INTEGER PRIMARY KEY,
    position INTEGER NOT NULL,
    name TEXT NOT NULL UNIQUE,
    enabled INTEGER NOT NULL DEFAULT 1,
    definition TEXT NOT NULL
);
INSERT INTO order_rule(position, name, enabled, definition) VALUES
(1, 'refund-intercept', 1, '{"name":"refund-intercept","enabled":true,"stop":false,"when":[{"field":"status","op":"in","values":["refund_requested"]}],"then":[{"action":"intercept"}]}'),
(2, 'duplicate-buyer', 1, '{"name":"duplicate-buyer","enabled":true,"stop":false,"when":[{"field":"buyer_orders","op":"at_least","number":3,"hours":24}],"then":[{"action":"hold"}]}'),
(3, 'price-anomaly', 1, '{"name":"price-anomaly","enabled":true,"stop":false,"when":[{"field":"price_percent","op":"below","number":60}],"then":[{"action":"hold"}]}'),
(4, 'paused-region', 1, '{"name":"paused-region","enabled":true,"stop":false,"when":[{"field":"region_paused","op":"true"}],"then":[{"action":"hold"}]}'),
(5, 'same-day-urgent', 1, '{"name":"same-day-urgent","enabled":true,"stop":false,"when":[{"field":"buyer_note","op":"contains","values":["今天必须发","今天发","当天发","加急","急用"]}],"then":[{"action":"priority","priority":1},{"action":"tag","value":"加急"}]}');

CREATE TABLE order_intercept (
    id INTEGER PRIMARY KEY,
    scope TEXT NOT NULL CHECK (scope IN ('region', 'sku', 'store', 'carrier')),
    target TEXT NOT NULL,
    city TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    lifted_at INTEGER,
    lifted_by TEXT NOT NULL DEFAULT ''
);

CREATE TABLE order_hold_v7 (
    order_id INTEGER NOT NULL REFERENCES shop_order(id),
    source TEXT NOT NULL CHECK (source IN ('person', 'platform', 'rule', 'intercept')),
    source_key TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL,
    intercept INTEGER NOT NULL DEFAULT 0,
    at INTEGER NOT NULL,
    by_user TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (order_id, source, source_key)
) WITHOUT ROWID;
INSERT INTO order_hold_v7(order_id, source, reason, intercept, at)
    SELECT order_id, 'person', reason, intercept, at FROM order_hold;
DROP TABLE order_hold;
ALTER TABLE order_hold_v7 RENAME TO order_hold;
CREATE INDEX order_hold_source ON order_hold(source, source_key);

CREATE TABLE order_hold_waiver (
    order_id INTEGER NOT NULL REFERENCES shop_order(id),
    source TEXT NOT NULL,
    source_key TEXT NOT NULL,
    at INTEGER NOT NULL,
    by_user TEXT NOT NULL,
    PRIMARY KEY (order_id, source, source_key)
) WITHOUT ROWID;

CREATE TABLE order_tag (
    order_id INTEGER NOT NULL REFERENCES shop_order(id),
    tag TEXT NOT NULL,
    rule TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (order_id, tag)
) WITHOUT ROWID;
CREATE INDEX order_tag_tag ON order_tag(tag);

CREATE TABLE order_rule_log (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES shop_order(id),
    at INTEGER NOT NULL,
    rule TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    applied INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX order_rule_log_order ON order_rule_log(order_id);

CREATE TABLE order_merge (
    order_id INTEGER PRIMARY KEY REFERENCES shop_order(id),
    parcel_order_id INTEGER NOT NULL REFERENCES shop_order(id),
    merged_at INTEGER NOT NULL,
    merged_by TEXT NOT NULL
);
CREATE INDEX order_merge_parcel ON order_merge(parcel_order_id);

ALTER TABLE sku ADD COLUMN reference_price_fen INTEGER CHECK (reference_price_fen >= 0);
ALTER TABLE shop_order ADD COLUMN presale INTEGER NOT NULL DEFAULT 0;
ALTER TABLE shop_order ADD COLUMN carrier TEXT NOT NULL DEFAULT '';
ALTER TABLE shop_order ADD COLUMN rule_warehouse_id INTEGER REFERENCES warehouse(id);
ALTER TABLE order_line ADD COLUMN gift_rule TEXT;
CREATE INDEX shop_order_buyer ON shop_order(store_id, buyer_nick, created_at);
CREATE INDEX shop_order_receiver ON shop_order(store_id, receiver_phone, created_at);
CREATE INDEX shop_order_created ON shop_order(created_at);
CREATE INDEX shop_order_waiting ON shop_order(status, allocation);
)sql";

// Version 8: parcels and split orders. Merged orders ride in their parcel's head order
// (order_merge, from v7); a split order's parts point at the order they came from; a line may be
// a presale line; each store says whether an order no single warehouse can serve is split or
// held; the platform's own merge key where it gives one; and two more hold sources: "split"
// (waiting for a person to split or move stock) and "presale" (a part that ships later).
constexpr const char* kSchemaV8 = R"sql(
ALTER TABLE shop_order ADD COLUMN split_from INTEGER REFERENCES shop_order(id);
ALTER TABLE shop_order ADD COLUMN merge_key TEXT NOT NULL DEFAULT '';
ALTER TABLE order_line ADD COLUMN presale INTEGER NOT NULL DEFAULT 0;
ALTER TABLE shop_store ADD COLUMN split_policy TEXT NOT NULL DEFAULT 'hold'
    CHECK (split_policy IN ('hold', 'split'));
CREATE INDEX shop_order_split_from ON shop_order(split_from) WHERE split_from IS NOT NULL;
CREATE INDEX shop_order_merge_key ON shop_order(store_id, merge_key) WHERE merge_key <> '';

CREATE TABLE order_hold_v8 (
    order_id INTEGER NOT NULL REFERENCES shop_order(id),
    source TEXT NOT NULL
        CHECK (source IN ('person', 'platform', 'rule', 'intercept', 'split', 'presale')),
    source_key TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL,
    intercept INTEGER NOT NULL DEFAULT 0,
    at INTEGER NOT NULL,
    by_user TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (order_id, source, source_key)
) WITHOUT ROWID;
INSERT INTO order_hold_v8 SELECT order_id, source, source_key, reason, intercept, at, by_user
    FROM order_hold;
DROP TABLE order_hold;
ALTER TABLE order_hold_v8 RENAME TO order_hold;
CREATE INDEX order_hold_source ON order_hold(source, source_key);
)sql";

// Expiry: the days of shelf life a batch must have left to ship, per SKU (NULL: the shop's
// setting, default 0).
constexpr const char* kSchemaV9 = R"sql(
ALTER TABLE sku ADD COLUMN min_ship_days INTEGER
    CHECK (min_ship_days IS NULL OR min_ship_days BETWEEN 0 AND 3650);
CREATE TABLE shop_setting (
    key TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
CREATE INDEX batch_expiry ON batch(expiry);
)sql";

// Put-away: each warehouse receives into a receiving location (收货区 unless chosen otherwise),
// and stock moves between locations as a pair of 'move' movements. SQLite cannot widen a CHECK,
// so the ledger is copied into a table that allows the new kind.
constexpr const char* kSchemaV10 = R"sql(
ALTER TABLE warehouse ADD COLUMN receiving_location_id INTEGER REFERENCES location(id);
INSERT INTO location(warehouse_id, code, zone, walk_order)
    SELECT id, '收货区', '', 0 FROM warehouse w
    WHERE NOT EXISTS (SELECT 1 FROM location l WHERE l.warehouse_id = w.id AND l.code = '收货区');
UPDATE warehouse SET receiving_location_id =
    (SELECT id FROM location l WHERE l.warehouse_id = warehouse.id AND l.code = '收货区');

CREATE TABLE movement_v10 (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN
        ('receive', 'ship', 'transfer_out', 'transfer_in', 'count', 'return', 'scrap', 'move')),
    sku_id INTEGER NOT NULL REFERENCES sku(id),
    warehouse_id INTEGER NOT NULL REFERENCES warehouse(id),
    location_id INTEGER REFERENCES location(id),
    batch_id INTEGER REFERENCES batch(id),
    counterpart_warehouse_id INTEGER REFERENCES warehouse(id),
    qty INTEGER NOT NULL CHECK (qty <> 0),
    unit_cost_fen INTEGER NOT NULL,
    value_fen INTEGER NOT NULL,
    doc TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    operator TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    workstation TEXT NOT NULL
);
INSERT INTO movement_v10 SELECT * FROM movement;
DROP TABLE movement;
ALTER TABLE movement_v10 RENAME TO movement;
CREATE INDEX movement_sku_at ON movement(sku_id, at);
CREATE INDEX movement_at ON movement(at);
CREATE INDEX movement_doc ON movement(doc);
CREATE TRIGGER movement_is_append_only_update BEFORE UPDATE ON movement
BEGIN SELECT RAISE(ABORT, 'the stock ledger is append-only: post a correcting movement'); END;
CREATE TRIGGER movement_is_append_only_delete BEFORE DELETE ON movement
BEGIN SELECT RAISE(ABORT, 'the stock ledger is append-only: post a correcting movement'); END;
)sql";

// Version 11: a shipment confirmation whose answer was lost (a timeout, a cut reply, a kill
// between the call and its acknowledgement) is in doubt until the platform's order state says
// whether it arrived; it is never simply sent again.
constexpr const char* kSchemaV11 = R"sql(
ALTER TABLE outbox ADD COLUMN in_doubt_since INTEGER;
)sql";

// Version 12: the shop's own name, for reports and sheets (the file's name until one is given).
constexpr const char* kSchemaV12 = R"sql(
CREATE TABLE shop_profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL
);
)sql";

// Version 13: e-waybills from the platforms. A store's e-waybill accounts (carrier, branch,
// sender); one request per parcel for a number, committed before the platform is asked, so a
// retry after a lost answer or a crash asks again under the same object id and the platform
// returns the same number (at most one open request a parcel); a waybill says where it came
// from and keeps the platform's print data as it came.
constexpr const char* kSchemaV13 = R"sql(
CREATE TABLE carrier_account (
    id INTEGER PRIMARY KEY,
    store_id INTEGER NOT NULL REFERENCES shop_store(id),
    carrier TEXT NOT NULL,
    platform_code TEXT NOT NULL,
    branch_code TEXT NOT NULL DEFAULT '',
    branch_name TEXT NOT NULL DEFAULT '',
    account_no TEXT NOT NULL DEFAULT '',
    sender_name TEXT NOT NULL,
    sender_phone TEXT NOT NULL,
    province TEXT NOT NULL,
    city TEXT NOT NULL,
    district TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL,
    from_platform INTEGER NOT NULL DEFAULT 0,
    UNIQUE (store_id, carrier, branch_code)
);

CREATE TABLE waybill_request (
    object_id TEXT PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES shop_order(id),
    account_id INTEGER NOT NULL REFERENCES carrier_account(id),
    state TEXT NOT NULL CHECK (state IN ('asked', 'issued', 'refused', 'cancelled')),
    tracking_no TEXT,
    message TEXT NOT NULL DEFAULT '',
    asked_at INTEGER NOT NULL,
    settled_at INTEGER
);
CREATE UNIQUE INDEX waybill_request_open ON waybill_request(order_id)
    WHERE state IN ('asked', 'issued');

ALTER TABLE order_waybill ADD COLUMN source TEXT NOT NULL DEFAULT 'manual'
    CHECK (source IN ('manual', 'platform'));
ALTER TABLE order_waybill ADD COLUMN object_id TEXT;
ALTER TABLE order_waybill ADD COLUMN print_data TEXT;
)sql";

// Version 14: the print journal of e-waybills sent to the platforms' print components: every
// task and document, recorded before it goes out, with what the component said of it since. A
// waybill counts as printed only when a component said printed; printing it again is a reprint.
// The printer chosen for each component on each workstation.
constexpr const char* kSchemaV14 = R"sql(
CREATE TABLE print_task (
    task_id TEXT PRIMARY KEY,
    component TEXT NOT NULL CHECK (component IN ('cainiao', 'pinduoduo', 'douyin', 'jd')),
    printer TEXT NOT NULL,
    sent_at INTEGER NOT NULL,
    by_user TEXT NOT NULL,
    by_role TEXT NOT NULL,
    station TEXT NOT NULL
);
CREATE TABLE print_document (
    task_id TEXT NOT NULL REFERENCES print_task(task_id),
    document_id TEXT NOT NULL,
    order_id INTEGER NOT NULL REFERENCES shop_order(id),
    state TEXT NOT NULL
        CHECK (state IN ('sent', 'accepted', 'rendered', 'printed', 'failed', 'cancelled')),
    reprint INTEGER NOT NULL DEFAULT 0,
    message TEXT NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (task_id, document_id)
) WITHOUT ROWID;
CREATE INDEX print_document_waybill ON print_document(document_id);
CREATE INDEX print_document_order ON print_document(order_id);
CREATE TABLE component_printer (
    station TEXT NOT NULL,
    component TEXT NOT NULL CHECK (component IN ('cainiao', 'pinduoduo', 'douyin', 'jd')),
    printer TEXT NOT NULL,
    PRIMARY KEY (station, component)
) WITHOUT ROWID;
)sql";

// Version 15: a stock push waiting in the outbox is found by its listing (each movement asks
// whether one waits, to update it instead of queueing another), not by reading the whole outbox,
// which keeps every push ever acknowledged.
constexpr const char* kSchemaV15 = R"sql(
CREATE INDEX outbox_waiting ON outbox(store_id, kind, subject) WHERE acknowledged_at IS NULL;
)sql";

// Version 16: a movement's stock offers find the listings of its SKUs through an index instead
// of reading every listing's items; shop_order_status goes, as shop_order_waiting (status,
// allocation) serves the same lookups and every new order wrote both.
constexpr const char* kSchemaV16 = R"sql(
CREATE INDEX sku_mapping_item_sku ON sku_mapping_item(sku_id);
DROP INDEX shop_order_status;
)sql";

}  // namespace

const std::vector<Migration>& schema_migrations() {
    static const std::vector<Migration> migrations{
        {1, kSchemaV1},           {2, kSchemaV2},   {3, kSchemaV3},   {4, kSchemaV4},
        {5, kSchemaV5},           {6, kSchemaV6},   {7, kSchemaV7},   {8, kSchemaV8},
        {9, kSchemaV9},           {10, kSchemaV10}, {11, kSchemaV11}, {12, kSchemaV12},
        {13, kSchemaV13},         {14, kSchemaV14}, {15, kSchemaV15}, {16, kSchemaV16},
        {17, schema_v17_people()}};
    return migrations;
}

void refuse_newer_schema(sql::Connection& db, const std::vector<Migration>& migrations,
                         const std::string& path) {
    int latest = migrations.empty() ? 0 : migrations.back().version;
    int current = db.schema_version();
    if (current > latest)
        throw StorageError(
            trf("The database {0} was written by a newer version of Dianjia "
                "(schema {1}; this program knows up to {2}). Update Dianjia to "
                "open it; the file was not changed.",
                path, std::to_string(current), std::to_string(latest)));
}

void run_migrations(sql::Connection& db, const std::vector<Migration>& migrations,
                    const std::string& path) {
    refuse_newer_schema(db, migrations, path);
    int current = db.schema_version();
    for (const Migration& m : migrations) {
        if (m.version <= current) continue;
        try {
            db.exec(db.begin_migration());
            // Another program may have taken this step while this one waited for the lock.
            if (db.schema_version() < m.version) {
                db.exec(m.sql);
                db.set_schema_version(m.version);
            }
            db.exec("COMMIT");
        } catch (const sql::Error& e) {
            db.try_exec("ROLLBACK");
            throw StorageError(trf("Cannot upgrade the database {0} to schema {1}: {2}", path,
                                   std::to_string(m.version), e.what()));
        }
        current = m.version;
    }
}

}  // namespace dj
