#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/types.h"

namespace dj {

// One alert mail: plain text in UTF-8, to every address of a channel.
struct MailMessage {
    std::string from;
    std::vector<std::string> to;
    std::string subject;
    std::string body;  // lines end with "\n"
    Timestamp date = 0;
    std::string message_id;  // without the angle brackets, unique world-wide
};

// The RFC 5322 message with CRLF line ends, ready for SMTP DATA: Date (shop time, +0800), From,
// To, Subject (RFC 2047 encoded-words unless plain ASCII), Message-ID, MIME-Version and a
// text/plain; charset=UTF-8 body in base64.
std::string format_mail(const MailMessage& message);

// A header value as RFC 2047 "B" encoded-words ("=?UTF-8?B?...?=") of at most 64 characters,
// each holding whole UTF-8 characters, folded onto new lines ("\r\n ") between words so no
// line passes 76 characters. Printable ASCII that fits after `name` ("Subject") stays as is.
std::string encode_header_text(std::string_view name, std::string_view text);

// "dianjia.<unique>@<the sender's domain>": `unique` names the message within the shop (the
// outbox id and its time), so a retried mail keeps its Message-ID.
std::string mail_message_id(std::string_view unique, std::string_view from);

// "Tue, 24 Nov 2026 13:04:16 +0800".
std::string mail_date(Timestamp t);

}  // namespace dj
