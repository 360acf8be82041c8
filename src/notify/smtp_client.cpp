#include "notify/smtp_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "core/base/translate.h"

namespace dj {
namespace {

struct CurlInit {
    CurlInit() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};

struct Upload {
    std::string data;
    std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* up = static_cast<Upload*>(user);
    std::size_t n = std::min(size * count, up->data.size() - up->offset);
    std::memcpy(buffer, up->data.data() + up->offset, n);
    up->offset += n;
    return n;
}

// Keeps the server's last refusal ("554 5.7.1 Message rejected"), for the channel's last error;
// the polite "221 Bye" that follows it is not what went wrong. Only what the server says is
// looked at, never what is sent (the login).
int keep_refusal(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
    if (type != CURLINFO_HEADER_IN || size == 0 || (data[0] != '4' && data[0] != '5')) return 0;
    std::string line(data, size);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
        line.pop_back();
    *static_cast<std::string*>(user) = line;
    return 0;
}

bool tls_failure(CURLcode rc) {
    switch (rc) {
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_ISSUER_ERROR:
            return true;
        default:
            return false;
    }
}

struct CurlFree {
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistFree {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

}  // namespace

SmtpClient::SmtpClient(SmtpOptions options, RequestLog log)
    : options_(std::move(options)), log_(std::move(log)) {
    static CurlInit init;
}

RobotResult SmtpClient::send(const SmtpTarget& target, const std::string& password,
                             const MailMessage& message) {
    std::unique_ptr<CURL, CurlFree> curl(curl_easy_init());
    std::unique_ptr<curl_slist, SlistFree> rcpt;
    for (const std::string& to : message.to)
        rcpt.reset(curl_slist_append(rcpt.release(), ("<" + to + ">").c_str()));
    Upload upload{format_mail(message), 0};
    std::string server = target.server_url();
    std::string from = "<" + message.from + ">";
    std::string reply;
    char error[CURL_ERROR_SIZE] = {};
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, server.c_str());
    curl_easy_setopt(c, CURLOPT_USE_SSL,
                     target.requires_starttls() ? CURLUSESSL_ALL : CURLUSESSL_NONE);
    if (!target.user.empty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, target.user.c_str());
        curl_easy_setopt(c, CURLOPT_PASSWORD, password.c_str());
    }
    if (!options_.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, options_.ca_file.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
    curl_easy_setopt(c, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(c, CURLOPT_READDATA, &upload);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(upload.data.size()));
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, options_.connect_timeout_ms);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, options_.timeout_ms);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, keep_refusal);
    curl_easy_setopt(c, CURLOPT_DEBUGDATA, &reply);
    curl_easy_setopt(c, CURLOPT_VERBOSE, 1L);  // feeds keep_refusal; nothing is printed

    CURLcode rc = curl_easy_perform(c);
    long code = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
    std::string why = error[0] ? std::string(error) : std::string(curl_easy_strerror(rc));
    if (log_)
        log_("SMTP " + server + " " + std::to_string(message.to.size()) +
             " recipient(s): " + (rc == CURLE_OK ? std::string("sent") : why));

    RobotResult r;
    r.errcode = code;
    if (rc == CURLE_OK) return r;
    if (rc == CURLE_LOGIN_DENIED) {
        r.outcome = RobotOutcome::misconfigured;
        r.message =
            trf("Mail server {0} refused the login of {1} ({2}); check --user and --password (QQ, "
                "163 and most providers need the authorisation code, not the login password)",
                server, target.user, reply.empty() ? why : reply);
    } else if (rc == CURLE_USE_SSL_FAILED) {
        r.outcome = RobotOutcome::misconfigured;
        r.message =
            trf("Mail server {0} does not offer STARTTLS, so the login and the mail would travel "
                "unencrypted; use smtps://HOST:465 if the server has it",
                server);
    } else if (tls_failure(rc)) {
        r.outcome = RobotOutcome::misconfigured;
        r.message =
            trf("Mail server {0}: the TLS connection failed ({1}); check the server name and the "
                "port (465 goes with smtps://, 587 with smtp://)",
                server, why);
    } else if (code >= 500) {
        r.outcome = RobotOutcome::misconfigured;
        r.message =
            trf("Mail server {0} refused the mail: {1}; check the channel's --from and --to "
                "addresses; the mail waits and is tried again later",
                server, reply.empty() ? why : reply);
    } else if (code >= 400) {
        r.outcome = RobotOutcome::unavailable;
        r.message = trf("Mail server {0} cannot take the mail now: {1}; it is tried again later",
                        server, reply.empty() ? why : reply);
    } else {
        r.outcome = RobotOutcome::unavailable;
        r.message = trf("Mail server {0} could not be reached ({1}); the mail is tried again later",
                        server, why);
    }
    return r;
}

}  // namespace dj
