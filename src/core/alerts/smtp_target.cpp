#include "core/alerts/smtp_target.h"

#include <cctype>
#include <optional>

#include "core/base/error.h"
#include "core/base/percent_encode.h"
#include "core/base/translate.h"

namespace dj {
namespace {

constexpr int kSubmissionPort = 587;  // smtp:// with STARTTLS, what mail providers offer
constexpr int kSmtpsPort = 465;
constexpr std::string_view kSmtp = "smtp://";
constexpr std::string_view kSmtps = "smtps://";

bool host_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-';
}

// "smtp[s]://HOST[:PORT][/]" into the target's server fields; false when it is not one.
bool parse_server(std::string_view url, SmtpTarget& t) {
    if (url.substr(0, kSmtps.size()) == kSmtps) {
        t.implicit_tls = true;
        url.remove_prefix(kSmtps.size());
    } else if (url.substr(0, kSmtp.size()) == kSmtp) {
        t.implicit_tls = false;
        url.remove_prefix(kSmtp.size());
    } else {
        return false;
    }
    if (!url.empty() && url.back() == '/') url.remove_suffix(1);
    std::string_view rest;
    if (!url.empty() && url.front() == '[') {  // an IPv6 address
        std::size_t close = url.find(']');
        if (close == std::string_view::npos || close < 3) return false;
        for (char c : url.substr(1, close - 1))
            if (!std::isxdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.') return false;
        t.host = std::string(url.substr(0, close + 1));
        rest = url.substr(close + 1);
    } else {
        std::size_t colon = url.find(':');
        std::string_view host = url.substr(0, colon);
        if (host.empty()) return false;
        for (char c : host)
            if (!host_char(c)) return false;
        t.host = std::string(host);
        rest = colon == std::string_view::npos ? std::string_view{} : url.substr(colon);
    }
    if (rest.empty()) {
        t.port = t.implicit_tls ? kSmtpsPort : kSubmissionPort;
        return true;
    }
    if (rest.front() != ':' || rest.size() < 2 || rest.size() > 6) return false;
    int port = 0;
    for (char c : rest.substr(1)) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
        port = port * 10 + (c - '0');
    }
    if (port < 1 || port > 65535) return false;
    t.port = port;
    return true;
}

// An address stays readable in the stored target: '@' and '+' as they are.
std::string encode_value(std::string_view v) {
    return percent_encode(v, "@+");
}

std::optional<std::string> decode_value(std::string_view v) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i] != '%') {
            out += v[i];
            continue;
        }
        if (i + 2 >= v.size() || !std::isxdigit(static_cast<unsigned char>(v[i + 1])) ||
            !std::isxdigit(static_cast<unsigned char>(v[i + 2])))
            return std::nullopt;
        out += static_cast<char>(std::stoi(std::string(v.substr(i + 1, 2)), nullptr, 16));
        i += 2;
    }
    return out;
}

std::vector<std::string> split_commas(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        std::size_t comma = text.find(',');
        std::string_view part = text.substr(0, comma);
        while (!part.empty() && part.front() == ' ')
            part.remove_prefix(1);
        while (!part.empty() && part.back() == ' ')
            part.remove_suffix(1);
        if (!part.empty()) out.emplace_back(part);
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    }
    return out;
}

}  // namespace

bool SmtpTarget::requires_starttls() const {
    if (implicit_tls) return false;
    bool loopback = host == "localhost" || host.rfind("127.", 0) == 0 || host == "[::1]";
    return !loopback;
}

std::string SmtpTarget::server_url() const {
    return std::string(implicit_tls ? kSmtps : kSmtp) + host + ":" + std::to_string(port);
}

bool valid_mail_address(std::string_view a) {
    std::size_t at = a.find('@');
    if (at == 0 || at == std::string_view::npos || at + 1 >= a.size()) return false;
    if (a.find('@', at + 1) != std::string_view::npos) return false;
    for (char c : a.substr(0, at)) {
        auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7F) return false;
        if (std::string_view("<>,;:\"()[]\\").find(c) != std::string_view::npos) return false;
    }
    for (char c : a.substr(at + 1))
        if (!host_char(c)) return false;
    return a.back() != '.' && a[at + 1] != '.';
}

SmtpTarget make_smtp_target(std::string_view url, std::string_view user, std::string_view from,
                            std::string_view to) {
    SmtpTarget t;
    if (!parse_server(url, t))
        throw InvalidInput(
            trf("--url {0} is not a mail server: write smtps://HOST:465 (TLS) or "
                "smtp://HOST:587 (STARTTLS), e.g. smtps://smtp.qq.com:465",
                url));
    t.user = std::string(user);
    if (!valid_mail_address(from))
        throw InvalidInput(
            trf("--from \"{0}\" is not a mail address: write the sender as name@domain, the "
                "mailbox the server lets --user send from",
                from));
    t.from = std::string(from);
    t.to = split_commas(to);
    if (t.to.empty())
        throw InvalidInput(
            tr("--to is missing: give the addresses that receive the alerts, separated by "
               "commas"));
    for (const std::string& a : t.to)
        if (!valid_mail_address(a))
            throw InvalidInput(
                trf("--to: \"{0}\" is not a mail address; write name@domain, several separated "
                    "by commas",
                    a));
    return t;
}

std::string format_smtp_target(const SmtpTarget& t) {
    std::string out = t.server_url() + "?";
    if (!t.user.empty()) out += "user=" + encode_value(t.user) + "&";
    out += "from=" + encode_value(t.from) + "&to=";
    for (std::size_t i = 0; i < t.to.size(); ++i)
        out += (i ? "," : "") + encode_value(t.to[i]);
    return out;
}

SmtpTarget parse_smtp_target(std::string_view stored) {
    SmtpTarget t;
    std::size_t q = stored.find('?');
    bool ok = q != std::string_view::npos && parse_server(stored.substr(0, q), t);
    std::string_view query = ok ? stored.substr(q + 1) : std::string_view{};
    while (ok && !query.empty()) {
        std::size_t amp = query.find('&');
        std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        std::size_t eq = pair.find('=');
        auto value =
            eq == std::string_view::npos ? std::nullopt : decode_value(pair.substr(eq + 1));
        std::string_view key = pair.substr(0, eq);
        if (!value) {
            ok = false;
        } else if (key == "user") {
            t.user = *value;
        } else if (key == "from") {
            t.from = *value;
        } else if (key == "to") {
            for (std::string_view a : split_commas(pair.substr(eq + 1))) {
                auto decoded = decode_value(a);
                if (decoded) t.to.push_back(*decoded);
                ok = ok && decoded.has_value();
            }
        } else {
            ok = false;
        }
    }
    if (!ok || !valid_mail_address(t.from) || t.to.empty())
        throw InvalidInput(
            trf("The mail channel's settings \"{0}\" cannot be read: add the channel again with "
                "notify add --channel smtp",
                stored));
    return t;
}

}  // namespace dj
