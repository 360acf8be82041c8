#pragma once

#include <string>
#include <vector>

#include "core/fulfilment/parcel_documents.h"

namespace dj {

class Database;

// The label of one order. Throws InvalidInput naming the order when it has no tracking number
// (assign one with `order waybill` or an e-waybill fetch first).
LabelData order_label_data(Database& db, Id order_id, Timestamp now);
// Every label of a wave, in slot order; throws like order_label_data for the first order
// without a waybill, so a wave never prints half its labels.
std::vector<LabelData> wave_label_data(Database& db, const std::string& wave_number, Timestamp now);
PackingList packing_list_data(Database& db, Id order_id, Timestamp now);

}  // namespace dj
