#include "core/alerts/notify_channel_form.h"

#include "core/alerts/smtp_target.h"
#include "core/base/error.h"
#include "core/base/translate.h"

namespace dj {

NotifyChannel make_notify_channel(const NotifyChannelForm& f) {
    NotifyChannel c;
    c.kind = f.kind;
    c.name = f.name.empty() ? std::string(notify_channel_kind_code(f.kind)) : f.name;
    c.url = f.url;
    c.secret = f.secret;
    bool mail_fields = !f.mail_user.empty() || !f.mail_password.empty() || !f.mail_from.empty() ||
                       !f.mail_to.empty();
    if (f.kind == NotifyChannelKind::smtp) {
        if (!f.secret.empty())
            throw InvalidInput(
                tr("A signing secret is for DingTalk; give the mail server's password instead"));
        c.url = format_smtp_target(make_smtp_target(f.url, f.mail_user, f.mail_from, f.mail_to));
        c.secret = f.mail_password;
    } else if (mail_fields) {
        throw InvalidInput(
            trf("The mail login, password and addresses are for a mail channel, "
                "not {0}",
                notify_channel_kind_name(f.kind)));
    }
    c.alert_kinds = f.alert_kinds;
    c.quiet = f.quiet;
    return c;
}

}  // namespace dj
