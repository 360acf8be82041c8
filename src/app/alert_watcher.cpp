#include "app/alert_watcher.h"

#include <wx/log.h>
#include <wx/notifmsg.h>
// After wx/notifmsg.h, which declares its base class.
#include <wx/generic/notifmsg.h>
#include <wx/window.h>

#include "app/ui_helpers.h"
#include "core/alerts/alert_text.h"
#include "core/base/clock.h"
#include "http_client.h"
#include "ops/notifications.h"
#include "store/base/database.h"

namespace dj::app {
namespace {

constexpr int kRoundMs = 60 * 1000;
constexpr Timestamp kEvaluationEvery = 15 * 60;
constexpr Timestamp kFirstEvaluationAfter = 60;
// More new alerts than this at once make one summary instead of a stack of notifications.
constexpr std::size_t kSeparateNotes = 3;
constexpr std::size_t kSummaryLines = 5;
constexpr std::size_t kKeepShown = 16;
constexpr int kGenericSeconds = 10;

}  // namespace

AlertWatcher::AlertWatcher(wxWindow* owner, AppContext& ctx, std::function<void()> changed)
    : owner_(owner), ctx_(ctx), changed_(std::move(changed)) {
    timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { round(); });
}

AlertWatcher::~AlertWatcher() {
    timer_.Stop();
    // A popup of its own is a top-level window that would keep the program running.
    for (auto& [note, popup] : shown_)
        if (popup) note->Close();
}

void AlertWatcher::start() {
    next_evaluation_ = ctx_.clock->now() + kFirstEvaluationAfter;
    round();
    timer_.Start(kRoundMs);
}

void AlertWatcher::round() {
    if (busy_) return;  // a slow mail server: the next minute catches up
    busy_ = true;
    Timestamp now = ctx_.clock->now();
    bool evaluate = now >= next_evaluation_;
    if (evaluate) next_evaluation_ = now + kEvaluationEvery;
    std::string path = ctx_.db_path;
    const Clock& clock = *ctx_.clock;
    ctx_.tasks.start<WatchRound>(
        alive_,
        [path, &clock, evaluate](TaskProgress&) {
            // Its own connection and clients: nothing here is shared with the UI thread. One
            // attempt per message and short timeouts; the outbox retries with its backoff.
            Database db(path, clock, Database::Mode::existing);
            HttpOptions options;
            options.max_attempts = 1;
            options.timeout_ms = 10000;
            HttpClient http(options);
            return ops::watch_alerts(db, {http, SmtpOptions{5000, 20000, ""}}, evaluate);
        },
        [this](WatchRound& r) {
            busy_ = false;
            finish(r);
        },
        [this](const std::string& error) {
            busy_ = false;
            wxLogStatus(_("Alert check failed: %s"), u8(error));
        });
}

void AlertWatcher::finish(WatchRound& r) {
    // Worded here, in the language of whoever looks at this screen.
    std::vector<NotificationText> notes;
    for (const NotifyMessage& m : r.desktop) {
        auto alert = m.alert_id ? r.alerts.find(*m.alert_id) : r.alerts.end();
        notes.push_back(alert != r.alerts.end() ? alert_notification(alert->second)
                                                : split_notification(m.text));
    }
    if (notes.size() > kSeparateNotes) {
        wxString body;
        for (std::size_t i = 0; i < notes.size() && i < kSummaryLines; ++i)
            body += (i ? "\n" : "") + u8(notes[i].title);
        if (notes.size() > kSummaryLines) body += "\n...";
        notify(wxString::Format(_("Dianjia: %zu new stock alerts"), notes.size()), body);
    } else {
        for (const NotificationText& n : notes)
            notify(u8(n.title), u8(n.body));
    }
    if (!r.desktop.empty()) {
        std::string path = ctx_.db_path;
        const Clock& clock = *ctx_.clock;
        std::vector<NotifyMessage> shown = r.desktop;
        ctx_.tasks.start<int>(
            alive_,
            [path, &clock, shown](TaskProgress&) {
                Database db(path, clock, Database::Mode::existing);
                ops::mark_shown(db, shown);
                return 0;
            },
            [](int&) {},
            [](const std::string& error) { wxLogStatus(_("Alert check failed: %s"), u8(error)); });
    }
    bool evaluated = r.evaluation && (!r.evaluation->opened.empty() || r.evaluation->resolved > 0 ||
                                      r.evaluation->refreshed > 0);
    if (changed_ && (evaluated || r.sent.sent + r.sent.failed > 0 || !r.desktop.empty()))
        changed_();
}

void AlertWatcher::notify(const wxString& title, const wxString& body) {
    // The status bar and dianjia.log, never a message box: it may repeat every minute.
    wxLogStatus(_("Desktop notification: %s"), title);
    auto native = std::make_unique<wxNotificationMessage>(title, body, owner_, wxICON_WARNING);
    if (native->Show(wxNotificationMessage::Timeout_Auto)) {
        shown_.emplace_back(std::move(native), false);
    } else {
        // No notification service answered (no desktop session, or none running).
        auto popup =
            std::make_unique<wxGenericNotificationMessage>(title, body, owner_, wxICON_WARNING);
        popup->Show(kGenericSeconds);
        shown_.emplace_back(std::move(popup), true);
    }
    while (shown_.size() > kKeepShown)
        shown_.pop_front();
}

}  // namespace dj::app
