#pragma once

#include <string>
#include <string_view>

#include "core/alerts/alert.h"

namespace dj {

// What people read about an alert, translated when it is shown (tr()), so the alert centre,
// the CLI and the desktop notification follow the viewer's language whoever evaluated it.

std::string alert_kind_label(AlertKind kind);
// "available 3 at or below reorder point 5" from the stored figures; figures stored as a
// sentence by an older version are returned as they are.
std::string alert_detail_text(AlertKind kind, std::string_view figures);

// A notification has a headline (group message's first line, mail subject, desktop title) and
// a body. The outbox stores them as one text: the headline, a line feed, the body.
struct NotificationText {
    std::string title;
    std::string body;
};
NotificationText alert_notification(const Alert& alert);
std::string join_notification(const NotificationText& n);
// The stored text split again; a one-line text is its own title and body.
NotificationText split_notification(std::string_view text);

}  // namespace dj
