#include "print/component_client.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <optional>

#include "core/base/log.h"
#include "core/base/translate.h"
#include "platform_error.h"
#include "print/ws_connection.h"

namespace dj {

namespace {

std::string next_request_id() {
    static std::atomic<long> counter{0};
    static const long long started =
        std::chrono::steady_clock::now().time_since_epoch().count() % 1000000007;
    return "dj-" + std::to_string(started) + "-" + std::to_string(++counter);
}

}  // namespace

struct ComponentClient::Waiting {
    std::condition_variable ready;
    std::optional<ComponentMessage> answer;
};

std::string component_url(PrintComponent c) {
    return "ws://127.0.0.1:" + std::to_string(component_port(c));
}

ComponentClient::ComponentClient(PrintComponent kind, const std::string& url,
                                 ResultHandler on_result, DropHandler on_drop, int timeout_ms)
    : kind_(kind),
      url_(url),
      timeout_ms_(timeout_ms),
      on_result_(std::move(on_result)),
      on_drop_(std::move(on_drop)) {
    try {
        ws_ = std::make_unique<WsConnection>(
            url, timeout_ms, [this](const std::string& text) { received(text); },
            [this](const std::string&) { dropped(); });
    } catch (const std::exception& e) {
        throw ComponentUnavailable(
            trf("{0} does not answer at {1} ({2}): start it, or name where it listens "
                "(--component ws://HOST:PORT)",
                component_name(kind), url, e.what()));
    }
}

ComponentClient::~ComponentClient() {
    // The connection's thread may still deliver; it must end before the members it calls.
    ws_.reset();
}

bool ComponentClient::connected() const {
    std::lock_guard lock(mutex_);
    return !dropped_ && ws_ && ws_->is_open();
}

void ComponentClient::received(const std::string& text) {
    ComponentMessage m;
    try {
        m = parse_component_message(kind_, text);
    } catch (const Error& e) {
        log_message(LogLevel::warning, e.what());
        return;
    }
    if (m.kind == ComponentMessage::Kind::result) {
        if (on_result_)
            for (const ComponentMessage::Task& t : m.tasks)
                on_result_(t.task_id, t.documents);
        return;
    }
    std::lock_guard lock(mutex_);
    auto it = waiting_.find(m.request_id);
    if (it == waiting_.end()) return;  // an answer nobody waits for any more
    it->second->answer = std::move(m);
    it->second->ready.notify_all();
}

void ComponentClient::dropped() {
    {
        std::lock_guard lock(mutex_);
        dropped_ = true;
        for (auto& [id, w] : waiting_)
            w->ready.notify_all();
    }
    if (on_drop_) on_drop_();
}

ComponentMessage ComponentClient::request(const std::string& request_id, const std::string& text) {
    auto waiting = std::make_shared<Waiting>();
    std::unique_lock lock(mutex_);
    if (dropped_)
        throw ComponentUnavailable(trf("The connection to {0} was lost", component_name(kind_)));
    waiting_[request_id] = waiting;
    lock.unlock();
    try {
        ws_->send(text);
    } catch (const std::exception& e) {
        lock.lock();
        waiting_.erase(request_id);
        throw ComponentUnavailable(
            trf("The connection to {0} was lost ({1})", component_name(kind_), e.what()));
    }
    lock.lock();
    waiting->ready.wait_for(lock, std::chrono::milliseconds(timeout_ms_),
                            [&] { return waiting->answer.has_value() || dropped_; });
    waiting_.erase(request_id);
    if (!waiting->answer)
        throw ComponentUnavailable(
            dropped_ ? trf("The connection to {0} was lost", component_name(kind_))
                     : trf("{0} did not answer within {1} ms", component_name(kind_),
                           std::to_string(timeout_ms_)));
    return std::move(*waiting->answer);
}

ComponentClient::Printers ComponentClient::printers() {
    std::string id = next_request_id();
    ComponentMessage m = request(id, printers_request(kind_, id));
    if (!m.ok)
        throw ComponentUnavailable(
            trf("{0} did not list its printers: {1}", component_name(kind_), m.message));
    return {m.default_printer, m.printers};
}

std::vector<DocumentOutcome> ComponentClient::print(const std::string& task_id,
                                                    const std::string& printer,
                                                    const std::vector<ComponentDocument>& docs) {
    std::string id = next_request_id();
    ComponentMessage m = request(id, print_request(kind_, id, task_id, printer, docs));
    std::vector<DocumentOutcome> out;
    if (kind_ == PrintComponent::jd) {
        // JD answers once, after printing: what it does not name as failed has printed.
        for (std::size_t i = 0; i < docs.size(); ++i) {
            DocumentOutcome o{docs[i].document_id, DocumentState::printed, ""};
            for (const ComponentMessage::Task& t : m.tasks)
                for (const DocumentOutcome& e : t.documents)
                    if (e.document_id == std::to_string(i + 1)) {
                        o.state = DocumentState::failed;
                        o.message = e.message;
                    }
            if (!m.ok && m.tasks.empty()) {
                o.state = DocumentState::failed;
                o.message = m.message;
            }
            out.push_back(std::move(o));
        }
        return out;
    }
    for (const ComponentDocument& d : docs)
        out.push_back({d.document_id, m.ok ? DocumentState::accepted : DocumentState::failed,
                       m.ok ? "" : m.message});
    return out;
}

std::vector<ComponentMessage::Task> ComponentClient::task_status(
    const std::vector<std::string>& task_ids) {
    if (kind_ == PrintComponent::jd || task_ids.empty()) return {};
    std::string id = next_request_id();
    return request(id, task_status_request(kind_, id, task_ids)).tasks;
}

}  // namespace dj
