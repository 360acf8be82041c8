#include "ops/waves.h"

#include "store/base/database.h"

namespace dj::ops {

std::vector<WaveInfo> create_waves(Database& db, const Actor& actor, const WaveRequest& request) {
    WriteTransaction tx(db);
    std::vector<WaveInfo> waves = WaveService(db, actor).create_waves(request, db.clock().now());
    tx.commit();
    return waves;
}

}  // namespace dj::ops
