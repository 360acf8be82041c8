// Internet mail formatting (RFC 5322, MIME RFC 2045/2047) for alert mails.
#include "notify/mail_message.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "core/base/clock.h"
#include "signing.h"

namespace dj {
namespace {

constexpr std::size_t kWordBytes = 39;  // base64 of 39 bytes is 52 characters: words of 64
constexpr std::size_t kMaxLine = 76;
constexpr std::size_t kBodyLine = 76;  // base64 characters per body line (RFC 2045)

bool plain_ascii(std::string_view text) {
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u > 0x7E) return false;
    }
    // "=?" would be read as the start of an encoded-word.
    return text.find("=?") == std::string_view::npos;
}

// Bytes of the UTF-8 character starting with `lead`.
std::size_t utf8_length(unsigned char lead) {
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}

std::string crlf_lines(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') continue;
        if (text[i] == '\n') {
            out += "\r\n";
            continue;
        }
        out += text[i];
    }
    if (out.size() < 2 || out.compare(out.size() - 2, 2, "\r\n") != 0) out += "\r\n";
    return out;
}

}  // namespace

std::string encode_header_text(std::string_view name, std::string_view text) {
    if (plain_ascii(text) && name.size() + 2 + text.size() <= kMaxLine) return std::string(text);
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = start;
        while (end < text.size()) {
            std::size_t next = end + utf8_length(static_cast<unsigned char>(text[end]));
            if (next - start > kWordBytes) break;
            end = next;
        }
        if (end == start) end = std::min(text.size(), start + 1);  // never stall on bad input
        if (!out.empty()) out += "\r\n ";
        out += "=?UTF-8?B?" + base64_encode(text.substr(start, end - start)) + "?=";
        start = end;
    }
    return out;
}

std::string mail_date(Timestamp t) {
    static constexpr std::array<const char*, 7> kDays{"Thu", "Fri", "Sat", "Sun",
                                                      "Mon", "Tue", "Wed"};  // 1970-01-01: Thu
    static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    Timestamp local = t + kShopUtcOffsetMinutes * 60;
    long day = static_cast<long>(local >= 0 ? local / 86400 : (local - 86399) / 86400);
    long seconds = static_cast<long>(local - static_cast<Timestamp>(day) * 86400);
    std::string date = date_from_days(day);  // YYYY-MM-DD
    int month = std::stoi(date.substr(5, 2));
    char text[64];
    std::snprintf(text, sizeof text, "%s, %d %s %s %02ld:%02ld:%02ld +%02d%02d",
                  kDays[static_cast<std::size_t>(((day % 7) + 7) % 7)],
                  std::stoi(date.substr(8, 2)), kMonths[static_cast<std::size_t>(month - 1)],
                  date.substr(0, 4).c_str(), seconds / 3600, seconds / 60 % 60, seconds % 60,
                  kShopUtcOffsetMinutes / 60, kShopUtcOffsetMinutes % 60);
    return text;
}

std::string mail_message_id(std::string_view unique, std::string_view from) {
    std::size_t at = from.rfind('@');
    std::string_view domain = at == std::string_view::npos ? "localhost" : from.substr(at + 1);
    return "dianjia." + std::string(unique) + "@" + std::string(domain);
}

std::string format_mail(const MailMessage& m) {
    std::string to;
    std::size_t line = 4;  // "To: "
    for (std::size_t i = 0; i < m.to.size(); ++i) {
        if (i > 0) {
            to += ",";
            ++line;
            // Fold long recipient lists between addresses.
            if (line + 1 + m.to[i].size() > kMaxLine) {
                to += "\r\n";
                line = 0;
            }
            to += " ";
            ++line;
        }
        to += m.to[i];
        line += m.to[i].size();
    }
    std::string out;
    out += "Date: " + mail_date(m.date) + "\r\n";
    out += "From: " + encode_header_text("From", "店家") + " <" + m.from + ">\r\n";
    out += "To: " + to + "\r\n";
    out += "Subject: " + encode_header_text("Subject", m.subject) + "\r\n";
    out += "Message-ID: <" + m.message_id + ">\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: base64\r\n";
    out += "\r\n";
    std::string body = base64_encode(crlf_lines(m.body));
    for (std::size_t i = 0; i < body.size(); i += kBodyLine)
        out += body.substr(i, kBodyLine) + "\r\n";
    return out;
}

}  // namespace dj
