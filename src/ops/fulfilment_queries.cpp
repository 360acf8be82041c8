#include "ops/fulfilment_queries.h"

#include "store/base/database.h"
#include "store/fulfilment/outbox_repository.h"
#include "store/fulfilment/parcel_document_queries.h"

namespace dj::ops {

std::vector<WaveInfo> list_waves(Database& db) {
    ReadTransaction tx(db);
    return WaveService(db).list_waves();
}

std::vector<WaveSlot> wave_slots(Database& db, const std::string& wave) {
    ReadTransaction tx(db);
    return WaveService(db).wave_slots(wave);
}

PickSheet pick_list(Database& db, const std::string& wave) {
    ReadTransaction tx(db);
    return WaveService(db).pick_list(wave);
}

std::vector<LabelData> wave_label_data(Database& db, const std::string& wave) {
    ReadTransaction tx(db);
    return dj::wave_label_data(db, wave, db.clock().now());
}

LabelData order_label_data(Database& db, Id order_id) {
    ReadTransaction tx(db);
    return dj::order_label_data(db, order_id, db.clock().now());
}

PackingList packing_list_data(Database& db, Id order_id) {
    ReadTransaction tx(db);
    return dj::packing_list_data(db, order_id, db.clock().now());
}

std::vector<OutboxEntry> list_outbox(Database& db, bool pending_only, int limit) {
    ReadTransaction tx(db);
    return OutboxRepository(db).list(pending_only, limit);
}

}  // namespace dj::ops
