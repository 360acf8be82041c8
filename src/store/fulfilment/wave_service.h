#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/fulfilment/wave.h"
#include "core/fulfilment/wave_plan.h"

namespace dj {

class Database;

// What ops::create_waves is asked for.
struct WaveRequest {
    std::string warehouse;               // code; empty: every warehouse
    std::optional<std::string> carrier;  // only orders of this carrier ("" = without a waybill)
    int max_orders = 50;
    int max_waves = 0;  // 0: a wave for every group; 1: the next wave only
};

// Waves in the shop database: the orders that may be picked (for core/fulfilment/wave_plan.h),
// waves stored with their put-wall slots, and the pick list of a wave. Creating waves is the use
// case ops::create_waves; this loads and saves inside its transaction.
class WaveService {
  public:
    explicit WaveService(Database& db) : db_(db) {}

    // Takes orders that no longer wait to ship out of their waves and closes the waves left
    // empty; returns their numbers.
    std::vector<std::string> close_finished_waves();
    // Every allocated order (parcel head) not on hold, not intercepted and in no open wave.
    std::vector<WaveCandidate> candidates();
    // Stores a planned wave under the next number of the shop day of `now`.
    WaveInfo insert_wave(const PlannedWave& wave, Timestamp now, const std::string& created_by);
    // Newest first.
    std::vector<WaveInfo> list_waves();
    // Throws NotFound naming the wave number.
    WaveInfo find_wave(const std::string& number);
    std::vector<WaveSlot> wave_slots(const std::string& number);
    // The walk through the warehouse for a wave, with codes, names and barcodes filled in.
    PickSheet pick_list(const std::string& number);

  private:
    std::string next_number(Timestamp now);
    WaveInfo read_wave(Id wave_id);

    Database& db_;
};

}  // namespace dj
