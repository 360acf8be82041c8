#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dj {

// Where a mail channel sends: the server, the login and the addresses. Stored in the channel's
// url column as one URL, e.g.
//   smtps://smtp.qq.com:465?user=shop@qq.com&from=shop@qq.com&to=boss@qq.com,ops@163.com
// (values percent-encoded); the password is the channel's secret.
struct SmtpTarget {
    bool implicit_tls = false;  // smtps://: TLS from the first byte (usually port 465)
    std::string host;
    int port = 0;
    std::string user;  // empty: the server takes mail without a login (a local relay)
    std::string from;
    std::vector<std::string> to;

    // A plain smtp:// connection must upgrade with STARTTLS before the login and the mail,
    // except to a relay on this computer (localhost, 127.x, ::1).
    bool requires_starttls() const;
    // "smtps://smtp.qq.com:465", what libcurl connects to.
    std::string server_url() const;
};

// From `notify add`: --url smtp://HOST[:PORT] or smtps://HOST[:PORT] (ports default to 587 and
// 465), --user, --from and --to (addresses separated by commas). Throws InvalidInput naming
// the option and saying how to write it.
SmtpTarget make_smtp_target(std::string_view url, std::string_view user, std::string_view from,
                            std::string_view to);
std::string format_smtp_target(const SmtpTarget& target);
// The stored form back; throws InvalidInput when it is not one (a channel edited by hand).
SmtpTarget parse_smtp_target(std::string_view stored);

// A bare address as SMTP carries it: local@domain, ASCII, no spaces or angle brackets.
bool valid_mail_address(std::string_view address);

}  // namespace dj
