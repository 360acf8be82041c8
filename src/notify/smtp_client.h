#pragma once

#include <string>

#include "core/alerts/smtp_target.h"
#include "http_client.h"
#include "notify/mail_message.h"
#include "notify/robot_webhook.h"

namespace dj {

struct SmtpOptions {
    long connect_timeout_ms = 10000;
    long timeout_ms = 30000;
    std::string ca_file;  // empty: the system's CA store; TLS is always verified
};

// Sends mail through a submission server with libcurl: implicit TLS (smtps://) or STARTTLS
// required (smtp://, except to a relay on this computer), AUTH with the user and password when
// the target has a user (libcurl picks PLAIN or LOGIN from what the server offers). One
// connection per mail: alerts are few, and a fresh login keeps failures separate.
class SmtpClient {
  public:
    explicit SmtpClient(SmtpOptions options = {}, RequestLog log = {});

    // What became of the mail, classified like a robot's answer: delivered; unavailable
    // (network, timeout, a 4xx reply: try again later); misconfigured (login refused, no TLS,
    // a 5xx reply: the channel's settings need fixing). `errcode` is the server's last reply
    // code and `message` quotes its refusal.
    RobotResult send(const SmtpTarget& target, const std::string& password,
                     const MailMessage& message);

  private:
    SmtpOptions options_;
    RequestLog log_;
};

}  // namespace dj
