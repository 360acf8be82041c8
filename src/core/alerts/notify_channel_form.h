#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/alerts/notify_channel.h"

namespace dj {

// A notification channel as a person fills it in (the CLI's notify add, the window's dialog):
// a robot's webhook and DingTalk secret, or a mail server with its login and addresses.
struct NotifyChannelForm {
    NotifyChannelKind kind = NotifyChannelKind::wecom;
    std::string name;    // empty: the kind's code
    std::string url;     // the robot's webhook, or smtps://HOST:465 / smtp://HOST:587
    std::string secret;  // DingTalk signing secret
    std::string mail_user, mail_password, mail_from, mail_to;  // mail only
    std::vector<AlertKind> alert_kinds;                        // empty: every kind
    std::optional<QuietHours> quiet;
};

// The channel to store; InvalidInput when a field belongs to another kind of channel or the
// mail server and addresses are not usable (core/alerts/smtp_target.h).
NotifyChannel make_notify_channel(const NotifyChannelForm& form);

}  // namespace dj
