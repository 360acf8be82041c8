#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/fulfilment/wave.h"

namespace dj {

class Database;

struct WaveRequest {
    std::string warehouse;               // code; empty: every warehouse
    std::optional<std::string> carrier;  // only orders of this carrier ("" = without a waybill)
    int max_orders = 50;
    int max_waves = 0;  // 0: a wave for every group; 1: the next wave only
};

// Waves over the shop database: planning (core/fulfilment/wave_plan.h) on the orders that may be
// picked, stored with their put-wall slots, and the pick list of a wave.
class WaveService {
  public:
    WaveService(Database& db, Actor actor) : db_(db), actor_(std::move(actor)) {}

    // Closes waves whose orders are all done, then groups every allocated order not on hold,
    // not intercepted and in no open wave into new waves; one transaction, audited. Returns the
    // new waves (empty when there is nothing to pick).
    std::vector<WaveInfo> create_waves(const WaveRequest& request, Timestamp now);
    // Newest first.
    std::vector<WaveInfo> list_waves();
    // Throws NotFound naming the wave number.
    WaveInfo find_wave(const std::string& number);
    std::vector<WaveSlot> wave_slots(const std::string& number);
    // The walk through the warehouse for a wave, with codes, names and barcodes filled in.
    PickSheet pick_list(const std::string& number);

  private:
    void close_finished_waves(Timestamp now);
    std::string next_number(Timestamp now);
    WaveInfo read_wave(Id wave_id);

    Database& db_;
    Actor actor_;
};

}  // namespace dj
