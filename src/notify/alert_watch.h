#pragma once

#include <map>
#include <optional>
#include <vector>

#include "core/alerts/alert.h"
#include "notify/notify_sender.h"
#include "store/alerts/alert_evaluation.h"
#include "store/alerts/notify_repository.h"

namespace dj {

class Database;

// One round of what keeps alerts moving while the desktop program runs (its timer calls this
// off the UI thread every minute): the time-based rules when `evaluate` (expiry and stagnant
// stock change with the date, not with a movement), then the notification outbox to the robots
// and mail servers, then the desktop channels' messages for the program to show.
struct WatchRound {
    std::optional<AlertRunSummary> evaluation;
    NotifyFlushReport sent;
    std::vector<NotifyMessage> desktop;  // to show now; each is marked sent once shown
    std::map<Id, Alert> alerts;          // behind the desktop messages: worded for the viewer
};

// `send`: false when another program on this shop is sending (it sends and shows them).
WatchRound run_watch_round(Database& db, NotifySender& sender, Timestamp now, bool evaluate,
                           bool send = true);

}  // namespace dj
