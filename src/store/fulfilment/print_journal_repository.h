#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/base/actor.h"
#include "core/base/types.h"

namespace dj {

class Database;

// One document of the print journal (print_task, print_document).
struct PrintJournalRow {
    std::string task_id;
    std::string document_id;  // the tracking number
    Id order_id = 0;
    std::string order_no;
    std::string component;
    std::string printer;
    std::string state;  // sent, accepted, rendered, printed, failed, cancelled
    bool reprint = false;
    std::string message;
    Timestamp sent_at = 0;
    Timestamp updated_at = 0;
    std::string user;
    std::string station;
};

// Records a task and its documents (tracking number, order) as sent, in the caller's
// transaction, before the task goes out.
void record_print_task(Database& db, const std::string& task_id, const std::string& component,
                       const std::string& printer, const Actor& actor, Timestamp now,
                       const std::vector<std::pair<std::string, Id>>& documents, bool reprint);
// What a component said of a document. A printed document stays printed.
void set_print_state(Database& db, const std::string& task_id, const std::string& document_id,
                     const std::string& state, const std::string& message, Timestamp now);

// A waybill's print history: whether a component said printed, its tasks that never got a final
// word (sent, accepted or rendered), and how many tasks it had.
struct WaybillPrints {
    bool printed = false;
    std::vector<std::string> open_tasks;
    int tasks = 0;
    std::string last_state;  // of the latest task; empty when never sent
    std::string last_message;
};
WaybillPrints waybill_prints(Database& db, const std::string& tracking_no);

// The printer chosen for a component on a workstation; empty when none. Saving an empty printer
// forgets the choice.
std::string component_printer(Database& db, const std::string& station,
                              const std::string& component);
void save_component_printer(Database& db, const std::string& station, const std::string& component,
                            const std::string& printer);

// The parcels (head orders) whose waybill's latest print failed and that never printed.
std::vector<Id> failed_print_orders(Database& db);

// Newest first; of these orders' parcels only (empty: all), the failed only.
std::vector<PrintJournalRow> print_journal_rows(Database& db, const std::vector<Id>& order_ids,
                                                bool failed_only, int limit);

}  // namespace dj
