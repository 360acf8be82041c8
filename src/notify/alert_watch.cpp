#include "notify/alert_watch.h"

#include "store/alerts/alert_repository.h"

namespace dj {

WatchRound run_watch_round(Database& db, NotifySender& sender, Timestamp now, bool evaluate,
                           bool send) {
    WatchRound round;
    if (evaluate) round.evaluation = evaluate_stock_alerts(db, now, {});
    if (!send) {
        round.sent.sent_elsewhere = true;
        return round;
    }
    round.sent = sender.flush(now);
    round.desktop = take_desktop_notifications(db, now);
    for (const NotifyMessage& m : round.desktop)
        if (m.alert_id) round.alerts.emplace(*m.alert_id, require_alert(db, *m.alert_id));
    return round;
}

}  // namespace dj
