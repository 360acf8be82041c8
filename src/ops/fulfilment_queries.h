#pragma once

#include <string>
#include <vector>

#include "core/fulfilment/outbox.h"
#include "core/fulfilment/parcel_documents.h"
#include "core/fulfilment/wave.h"
#include "store/fulfilment/wave_service.h"

namespace dj {
class Database;
}

namespace dj::ops {

// What the pack station, the printing and `wave …`/`print …`/`outbox list` read, each in one
// consistent state of the shop (one read transaction); documents are dated by the database's
// clock.
std::vector<WaveInfo> list_waves(Database& db);
std::vector<WaveSlot> wave_slots(Database& db, const std::string& wave);
PickSheet pick_list(Database& db, const std::string& wave);
// Every label of a wave in slot order; refused (naming the order) when one has no waybill.
std::vector<LabelData> wave_label_data(Database& db, const std::string& wave);
LabelData order_label_data(Database& db, Id order_id);
PackingList packing_list_data(Database& db, Id order_id);
std::vector<OutboxEntry> list_outbox(Database& db, bool pending_only, int limit);

}  // namespace dj::ops
