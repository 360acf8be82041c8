#include "core/alerts/notify_channel.h"

#include <array>
#include <cstdio>

#include "core/alerts/alert_text.h"
#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/translate.h"

namespace dj {
namespace {

constexpr std::array<std::string_view, 4> kKindCodes{"wecom", "dingtalk", "smtp", "desktop"};
constexpr int kMinutesPerDay = 24 * 60;

// "HH:MM" as minutes since midnight, or -1.
int parse_clock(std::string_view t) {
    if (t.size() != 5 || t[2] != ':') return -1;
    for (std::size_t i : {0u, 1u, 3u, 4u})
        if (t[i] < '0' || t[i] > '9') return -1;
    int h = (t[0] - '0') * 10 + (t[1] - '0');
    int m = (t[3] - '0') * 10 + (t[4] - '0');
    return h < 24 && m < 60 ? h * 60 + m : -1;
}

}  // namespace

std::string_view notify_channel_kind_code(NotifyChannelKind k) {
    return kKindCodes[static_cast<std::size_t>(k)];
}

std::optional<NotifyChannelKind> parse_notify_channel_kind(std::string_view code) {
    for (std::size_t i = 0; i < kKindCodes.size(); ++i)
        if (kKindCodes[i] == code) return static_cast<NotifyChannelKind>(i);
    return std::nullopt;
}

QuietHours parse_quiet_hours(std::string_view text, std::string_view what) {
    std::size_t dash = text.find('-');
    int from = dash == std::string_view::npos ? -1 : parse_clock(text.substr(0, dash));
    int to = dash == std::string_view::npos ? -1 : parse_clock(text.substr(dash + 1));
    if (from < 0 || to < 0 || from == to)
        throw InvalidInput(
            trf("{0}: \"{1}\" is not a span of shop time; write it as HH:MM-HH:MM, "
                "for example 22:00-08:00",
                what, text));
    return {from, to};
}

std::string format_quiet_hours(const QuietHours& q) {
    char text[48];
    std::snprintf(text, sizeof text, "%02d:%02d-%02d:%02d", q.from_minute / 60, q.from_minute % 60,
                  q.to_minute / 60, q.to_minute % 60);
    return text;
}

std::optional<Timestamp> quiet_until(const QuietHours& q, Timestamp now) {
    Timestamp local = now + kShopUtcOffsetMinutes * 60;
    Timestamp midnight = local - ((local % 86400) + 86400) % 86400;
    int minute = static_cast<int>((local - midnight) / 60);
    bool wraps = q.from_minute > q.to_minute;
    bool quiet = wraps ? (minute >= q.from_minute || minute < q.to_minute)
                       : (minute >= q.from_minute && minute < q.to_minute);
    if (!quiet) return std::nullopt;
    Timestamp end_local = midnight + static_cast<Timestamp>(q.to_minute) * 60;
    if (end_local <= local) end_local += 86400;  // the span ends tomorrow morning
    return end_local - kShopUtcOffsetMinutes * 60;
}

bool channel_wants(const NotifyChannel& channel, AlertKind kind) {
    if (channel.alert_kinds.empty()) return true;
    for (AlertKind k : channel.alert_kinds)
        if (k == kind) return true;
    return false;
}

std::vector<AlertKind> parse_alert_kind_list(std::string_view text) {
    std::vector<AlertKind> kinds;
    while (!text.empty()) {
        std::size_t comma = text.find(',');
        std::string_view code = text.substr(0, comma);
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
        if (code.empty()) continue;
        auto kind = parse_alert_kind(code);
        if (!kind)
            throw InvalidInput(
                trf("--kinds: \"{0}\" is not an alert kind; use low_stock, "
                    "out_of_stock, overstock, expiring, expired, stagnant, "
                    "count_loss or oversold, separated by commas",
                    code));
        kinds.push_back(*kind);
    }
    return kinds;
}

std::string format_alert_kind_list(const std::vector<AlertKind>& kinds) {
    std::string out;
    for (AlertKind k : kinds) {
        if (!out.empty()) out += ',';
        out += alert_kind_code(k);
    }
    return out;
}

std::string notify_test_text(const NotifyChannel& channel) {
    std::string body;
    switch (channel.kind) {
        case NotifyChannelKind::wecom:
        case NotifyChannelKind::dingtalk:
            body = trf("Channel {0} reaches this group.", channel.name);
            break;
        case NotifyChannelKind::smtp:
            body = trf("Channel {0} reaches these mailboxes.", channel.name);
            break;
        case NotifyChannelKind::desktop:
            body = trf("Channel {0} shows notifications on this computer.", channel.name);
            break;
    }
    return join_notification({tr("[Dianjia] Test message"), body});
}

std::string notify_channel_kind_name(NotifyChannelKind k) {
    switch (k) {
        case NotifyChannelKind::wecom:
            return tr("WeCom");
        case NotifyChannelKind::dingtalk:
            return tr("DingTalk");
        case NotifyChannelKind::smtp:
            return tr("Mail");
        case NotifyChannelKind::desktop:
            break;
    }
    return tr("Desktop");
}

}  // namespace dj
