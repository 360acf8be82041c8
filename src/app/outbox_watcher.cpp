#include "app/outbox_watcher.h"

#include <wx/log.h>

#include "app/ui_helpers.h"
#include "http_client.h"
#include "ops/outbox.h"
#include "store/base/database.h"

namespace dj::app {
namespace {

constexpr int kRoundMs = 60 * 1000;

}  // namespace

OutboxWatcher::OutboxWatcher(AppContext& ctx, std::function<void(const ops::OutboxSent&)> shown)
    : ctx_(ctx), shown_(std::move(shown)) {
    timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { round(); });
}

OutboxWatcher::~OutboxWatcher() {
    timer_.Stop();
}

void OutboxWatcher::start() {
    round();
    timer_.Start(kRoundMs);
}

void OutboxWatcher::send_now() {
    if (busy_)
        again_ = true;
    else
        round();
}

void OutboxWatcher::round() {
    if (busy_) return;  // a slow platform: the next minute catches up
    busy_ = true;
    again_ = false;
    std::string path = ctx_.db_path;
    const Clock& clock = *ctx_.clock;
    ctx_.tasks.start<ops::OutboxSent>(
        alive_,
        [path, &clock](TaskProgress&) {
            // Its own connection and client. One attempt per entry and short timeouts: the
            // outbox retries with its own backoff.
            Database db(path, clock, Database::Mode::existing);
            HttpOptions options;
            options.max_attempts = 1;
            options.timeout_ms = 10000;
            HttpClient http(options);
            return ops::flush_outbox(db, http);
        },
        [this](ops::OutboxSent& sent) {
            busy_ = false;
            if (shown_) shown_(sent);
            if (again_) round();
        },
        [this](const std::string& error) {
            busy_ = false;
            wxLogStatus(_("Sending to the platforms failed: %s"), u8(error));
            if (again_) round();
        });
}

}  // namespace dj::app
