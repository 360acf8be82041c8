#include "store/stock/ledger_check.h"

#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"

namespace dj {
namespace {

// Each query yields: what, sku code, warehouse code, detail, stored, expected — only rows
// that differ. total() (floating point) rather than sum(): sum() stops the whole check with
// "integer overflow" on a ledger whose figures no longer fit, and the check must report it. FULL
// OUTER JOIN is not in SQLite 3.40, so both sides are unioned first.
constexpr const char* kBalanceCheck = R"sql(
WITH expected AS (
    SELECT sku_id, warehouse_id, total(qty) AS on_hand, 0 AS reserved, 0 AS in_transit
      FROM movement GROUP BY sku_id, warehouse_id
    UNION ALL
    SELECT sku_id, counterpart_warehouse_id, 0, 0, -qty FROM movement WHERE kind = 'transfer_out'
    UNION ALL
    SELECT sku_id, warehouse_id, 0, 0, -qty FROM movement WHERE kind = 'transfer_in'
    UNION ALL
    SELECT sku_id, reserved_warehouse_id, 0, reserved_qty, 0 FROM order_line_item
     WHERE reserved_qty > 0
),
e AS (
    SELECT sku_id, warehouse_id, total(on_hand) AS on_hand, total(reserved) AS reserved,
           total(in_transit) AS in_transit FROM expected GROUP BY sku_id, warehouse_id
),
keys AS (SELECT sku_id, warehouse_id FROM e UNION SELECT sku_id, warehouse_id FROM stock_balance),
cmp AS (
    SELECT k.sku_id, k.warehouse_id,
           ifnull(b.on_hand, 0) AS s_on_hand, ifnull(e.on_hand, 0) AS e_on_hand,
           ifnull(b.reserved, 0) AS s_reserved, ifnull(e.reserved, 0) AS e_reserved,
           ifnull(b.in_transit, 0) AS s_in_transit, ifnull(e.in_transit, 0) AS e_in_transit
      FROM keys k
      LEFT JOIN stock_balance b ON b.sku_id = k.sku_id AND b.warehouse_id = k.warehouse_id
      LEFT JOIN e ON e.sku_id = k.sku_id AND e.warehouse_id = k.warehouse_id
)
SELECT what, sku.code, warehouse.code, '', stored, expected FROM (
    SELECT 'on_hand' AS what, sku_id, warehouse_id, s_on_hand AS stored, e_on_hand AS expected
      FROM cmp WHERE s_on_hand <> e_on_hand
    UNION ALL
    SELECT 'reserved', sku_id, warehouse_id, s_reserved, e_reserved FROM cmp
     WHERE s_reserved <> e_reserved
    UNION ALL
    SELECT 'in_transit', sku_id, warehouse_id, s_in_transit, e_in_transit FROM cmp
     WHERE s_in_transit <> e_in_transit
) d JOIN sku ON sku.id = d.sku_id JOIN warehouse ON warehouse.id = d.warehouse_id
ORDER BY sku.code, warehouse.code, what
)sql";

constexpr const char* kLotCheck = R"sql(
WITH e AS (
    SELECT sku_id, warehouse_id, ifnull(location_id, 0) AS loc, ifnull(batch_id, 0) AS bat,
           total(qty) AS on_hand FROM movement GROUP BY 1, 2, 3, 4
),
s AS (
    SELECT sku_id, warehouse_id, ifnull(location_id, 0) AS loc, ifnull(batch_id, 0) AS bat,
           total(on_hand) AS on_hand FROM stock_lot GROUP BY 1, 2, 3, 4
),
keys AS (SELECT sku_id, warehouse_id, loc, bat FROM e UNION
         SELECT sku_id, warehouse_id, loc, bat FROM s)
SELECT 'lot_on_hand', sku.code, warehouse.code,
       ifnull(location.code, '-') || ' / ' || ifnull(batch.lot, '-'),
       ifnull(s.on_hand, 0), ifnull(e.on_hand, 0)
  FROM keys k
  LEFT JOIN e USING (sku_id, warehouse_id, loc, bat)
  LEFT JOIN s USING (sku_id, warehouse_id, loc, bat)
  JOIN sku ON sku.id = k.sku_id JOIN warehouse ON warehouse.id = k.warehouse_id
  LEFT JOIN location ON location.id = k.loc LEFT JOIN batch ON batch.id = k.bat
 WHERE ifnull(s.on_hand, 0) <> ifnull(e.on_hand, 0)
 ORDER BY sku.code, warehouse.code
)sql";

// The shop-wide cost state: units owned (on hand + in transit) and their value, which transfers
// do not change.
constexpr const char* kCostCheck = R"sql(
WITH e AS (
    SELECT sku_id,
           total(CASE WHEN kind IN ('transfer_out', 'transfer_in') THEN 0 ELSE qty END) AS qty,
           total(CASE WHEN kind IN ('transfer_out', 'transfer_in') THEN 0 ELSE value_fen END) AS value
      FROM movement GROUP BY sku_id
),
keys AS (SELECT sku_id FROM e UNION SELECT sku_id FROM sku_cost),
cmp AS (
    SELECT k.sku_id, ifnull(c.qty, 0) AS s_qty, ifnull(e.qty, 0) AS e_qty,
           ifnull(c.value_fen, 0) AS s_value, ifnull(e.value, 0) AS e_value
      FROM keys k LEFT JOIN sku_cost c ON c.sku_id = k.sku_id LEFT JOIN e ON e.sku_id = k.sku_id
)
SELECT what, sku.code, '', '', stored, expected FROM (
    SELECT 'cost_qty' AS what, sku_id, s_qty AS stored, e_qty AS expected FROM cmp
     WHERE s_qty <> e_qty
    UNION ALL
    SELECT 'cost_value', sku_id, s_value, e_value FROM cmp WHERE s_value <> e_value
) d JOIN sku ON sku.id = d.sku_id ORDER BY sku.code, what
)sql";

}  // namespace

std::vector<LedgerDifference> check_ledger(Database& db) {
    std::vector<LedgerDifference> out;
    for (const char* sql : {kBalanceCheck, kLotCheck, kCostCheck}) {
        sql::Statement s(connection(db), sql);
        while (s.step()) {
            out.push_back({s.column(0).text(), s.column(1).text(), s.column(2).text(),
                           s.column(3).text(), s.column(4).int64(), s.column(5).int64()});
        }
    }
    return out;
}

}  // namespace dj
