#include "ops/waves.h"

#include "core/base/clock.h"
#include "core/base/translate.h"
#include "core/fulfilment/wave_plan.h"
#include "ops/access.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"
#include "store/stock/warehouse_repository.h"

namespace dj::ops {

std::vector<WaveInfo> create_waves(Database& db, const Actor& actor, const WaveRequest& request) {
    require(actor, Permission::Fulfil);
    const Timestamp now = db.clock().now();
    WriteTransaction tx(db);
    WaveService waves(db);
    for (const std::string& number : waves.close_finished_waves())
        audit(db, actor, "wave.close", number, format_utc(now));
    WaveRules rules;
    if (!request.warehouse.empty())
        rules.warehouse_id = WarehouseRepository(db).require_warehouse(request.warehouse).id;
    rules.carrier = request.carrier;
    rules.max_orders = request.max_orders;
    std::vector<PlannedWave> planned = plan_waves(waves.candidates(), rules);
    if (request.max_waves > 0 && planned.size() > static_cast<std::size_t>(request.max_waves))
        planned.resize(static_cast<std::size_t>(request.max_waves));
    std::vector<WaveInfo> created;
    for (const PlannedWave& p : planned) {
        created.push_back(waves.insert_wave(p, now, actor.user));
        audit(db, actor, "wave.create", created.back().number,
              trf("{0} orders, carrier {1}", std::to_string(p.order_ids.size()), p.carrier));
    }
    tx.commit();
    return created;
}

}  // namespace dj::ops
