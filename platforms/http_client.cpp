#include "http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <random>
#include <thread>

#include "core/base/percent_encode.h"
#include "core/base/translate.h"
#include "platform_error.h"

namespace dj {
namespace {

std::size_t collect(char* data, std::size_t size, std::size_t count, void* out) {
    static_cast<std::string*>(out)->append(data, size * count);
    return size * count;
}

struct CurlInit {
    CurlInit() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};

}  // namespace

std::string form_encode(const std::map<std::string, std::string>& params) {
    std::string out;
    for (const auto& [name, value] : params) {
        if (!out.empty()) out += '&';
        out += percent_encode(name) + '=' + percent_encode(value);
    }
    return out;
}

std::string redact_secrets(const std::string& text) {
    static const char* secret_names[] = {"sign",          "session", "access_token", "app_secret",
                                         "client_secret", "token",   "refresh_token"};
    std::string out = text;
    for (const char* name : secret_names) {
        std::string key = std::string(name) + "=";
        for (std::size_t at = out.find(key); at != std::string::npos;
             at = out.find(key, at + key.size())) {
            bool starts_param = at == 0 || out[at - 1] == '&' || out[at - 1] == '?';
            if (!starts_param) continue;
            std::size_t value = at + key.size();
            std::size_t end = out.find('&', value);
            if (end == std::string::npos) end = out.size();
            out.replace(value, end - value, "***");
        }
    }
    return out;
}

HttpClient::HttpClient(HttpOptions options, RequestLog log)
    : options_(std::move(options)), log_(std::move(log)) {
    static CurlInit init;
    curl_ = curl_easy_init();
}

HttpClient::~HttpClient() {
    curl_easy_cleanup(static_cast<CURL*>(curl_));
}

void HttpClient::wait_turn() {
    if (options_.min_interval_ms <= 0) return;
    auto next = last_request_ + std::chrono::milliseconds(options_.min_interval_ms);
    auto now = std::chrono::steady_clock::now();
    if (now < next) std::this_thread::sleep_for(next - now);
    last_request_ = std::chrono::steady_clock::now();
}

HttpResponse HttpClient::attempt(const HttpRequest& request, std::string& error) {
    CURL* curl = static_cast<CURL*>(curl_);
    curl_easy_reset(curl);
    HttpResponse response;
    curl_slist* headers = nullptr;
    for (const std::string& h : request.headers)
        headers = curl_slist_append(headers, h.c_str());
    curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    if (request.method == "POST") {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                         static_cast<curl_off_t>(request.body.size()));
    }
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, options_.connect_timeout_ms);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, options_.timeout_ms);
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    if (!options_.proxy.empty()) curl_easy_setopt(curl, CURLOPT_PROXY, options_.proxy.c_str());
    if (!options_.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, options_.ca_file.c_str());
    CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    if (rc != CURLE_OK) {
        error = curl_easy_strerror(rc);
        response.status = 0;
        return response;
    }
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
}

HttpResponse HttpClient::send(const HttpRequest& request) {
    std::lock_guard lock(mutex_);
    static thread_local std::mt19937 jitter{std::random_device{}()};
    std::string error;
    int attempts = std::max(1, options_.max_attempts);
    for (int i = 1;; ++i) {
        wait_turn();
        auto started = std::chrono::steady_clock::now();
        error.clear();
        HttpResponse response = attempt(request, error);
        long ms = static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::steady_clock::now() - started)
                                        .count());
        if (log_)
            log_(request.method + " " + redact_secrets(request.url) + " -> " +
                 (error.empty() ? std::to_string(response.status) : error) + " " +
                 std::to_string(ms) + " ms, " + std::to_string(response.body.size()) + " bytes");
        bool failed = !error.empty() || response.status >= 500;
        if (!failed) return response;
        if (error.empty()) error = "HTTP " + std::to_string(response.status);
        if (i >= attempts) break;
        int pause = std::min(options_.max_backoff_ms, options_.backoff_ms << std::min(i - 1, 10));
        pause = pause / 2 + static_cast<int>(jitter() % static_cast<unsigned>(pause / 2 + 1));
        std::this_thread::sleep_for(std::chrono::milliseconds(pause));
    }
    throw PlatformUnavailable(
        trf("{0} could not be reached after {1} attempts ({2}); try again "
            "later or check the network and the store's endpoint",
            redact_secrets(request.url), std::to_string(attempts), error));
}

}  // namespace dj
