#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace dj {

struct HttpRequest {
    std::string method = "POST";
    std::string url;
    std::vector<std::string> headers;  // "Name: value"
    std::string body;
};

struct HttpResponse {
    long status = 0;
    std::string body;
};

struct HttpOptions {
    long connect_timeout_ms = 5000;
    long timeout_ms = 30000;
    int max_attempts = 4;  // transport failures and HTTP 5xx are retried
    int backoff_ms = 500;  // first pause; doubles, with jitter
    int max_backoff_ms = 8000;
    int min_interval_ms = 0;  // per-store rate limit: at least this long between requests
    std::string proxy;        // empty: libcurl's own (the *_proxy environment variables)
    std::string ca_file;      // empty: the system's CA store; TLS is always verified
};

// One line per request for the log: never holds secrets or tokens.
using RequestLog = std::function<void(const std::string& line)>;

// The one HTTP client all adapters use (libcurl): TLS verification on, timeouts, gzip, retries
// with exponential backoff and jitter, a minimum interval between requests, proxy support.
class HttpClient {
  public:
    explicit HttpClient(HttpOptions options = {}, RequestLog log = {});
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // Returns the first answer that is not a 5xx; throws PlatformUnavailable when every
    // attempt failed.
    HttpResponse send(const HttpRequest& request);
    const HttpOptions& options() const { return options_; }

  private:
    HttpResponse attempt(const HttpRequest& request, std::string& error);
    void wait_turn();

    HttpOptions options_;
    RequestLog log_;
    void* curl_ = nullptr;
    std::mutex mutex_;
    std::chrono::steady_clock::time_point last_request_{};
};

// application/x-www-form-urlencoded body (UTF-8, percent-encoded).
std::string form_encode(const std::map<std::string, std::string>& params);

// The URL with the values of secret parameters (sign, session, access_token, app_secret …)
// replaced by "***", for logs.
std::string redact_secrets(const std::string& text);

}  // namespace dj
