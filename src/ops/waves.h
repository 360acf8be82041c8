#pragma once

#include <vector>

#include "core/base/actor.h"
#include "core/fulfilment/wave.h"
#include "store/fulfilment/wave_service.h"

namespace dj {
class Database;
}

namespace dj::ops {

// Closes finished waves and groups the allocated orders that may be picked into new ones (see
// store/fulfilment/wave_service.h), in one audited transaction dated by the database's clock. Empty
// when nothing is waiting.
std::vector<WaveInfo> create_waves(Database& db, const Actor& actor, const WaveRequest& request);

}  // namespace dj::ops
