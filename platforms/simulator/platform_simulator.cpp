#include "simulator/platform_simulator.h"

#include <httplib.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/translate.h"

namespace dj {

SimFault parse_sim_fault(const std::string& name) {
    if (name == "http_500") return SimFault::http_500;
    if (name == "throttle") return SimFault::throttle;
    if (name == "timeout") return SimFault::timeout;
    if (name == "malformed_json") return SimFault::malformed_json;
    if (name == "duplicate") return SimFault::duplicate_across_pages;
    if (name == "expired_token") return SimFault::expired_token;
    throw InvalidInput(
        trf("Unknown fault {0}: use http_500, throttle, timeout, malformed_json, "
            "duplicate or expired_token",
            name));
}

PlatformSimulator::PlatformSimulator(const Clock& clock, SimulatorOptions options)
    : clock_(clock), options_(std::move(options)), server_(std::make_unique<httplib::Server>()) {
    SimCredentials c{options_.app_key, options_.app_secret, options_.token};
    wires_.push_back(make_taobao_wire(c));
    wires_.push_back(make_jd_wire(c));
    wires_.push_back(make_pinduoduo_wire(c));
    wires_.push_back(make_douyin_wire(c));
    shop_.generate(options_.seed, options_.orders, clock_.now());
    install_routes();
}

PlatformSimulator::~PlatformSimulator() {
    stop();
}

void PlatformSimulator::install_routes() {
    // httplib writes headers and body separately: with Nagle on, the body waits for the
    // client's delayed ACK (40 ms on Linux), which would dwarf the work being measured.
    server_->set_tcp_nodelay(true);
    for (const auto& wire : wires_) {
        const SimWire* w = wire.get();
        for (const std::string& path : w->paths())
            // The body is read here, not by httplib: Debian's build refuses form bodies over
            // 8 KB (HTTP 413), and the platforms take far more (ten waybill requests with their
            // items, percent-encoded).
            server_->Post(path, [this, w](const httplib::Request& req, httplib::Response& res,
                                          const httplib::ContentReader& read_body) {
                SimRequest r;
                r.path = req.path;
                read_body([&r](const char* data, std::size_t size) {
                    r.body.append(data, size);
                    return true;
                });
                for (const auto& [k, v] : req.params)
                    r.params[k] = v;
                if (req.get_header_value("Content-Type")
                        .rfind("application/x-www-form-urlencoded", 0) == 0)
                    for (auto& [k, v] : form_decode(r.body))
                        r.params[k] = v;
                std::string api = r.param("method");
                if (api.empty()) api = r.param("type");
                if (api.empty()) api = r.path;
                std::optional<SimFault> fault;
                {
                    std::lock_guard lock(mutex_);
                    ++requests_;
                    fault = take_fault(w->platform(), api);
                    if (fault == SimFault::http_500)
                        calls_.push_back({w->platform(), api, "", 500, "http_500"});
                }
                if (fault == SimFault::http_500) {
                    res.status = 500;
                    res.set_content("Internal Server Error", "text/plain");
                    return;
                }
                if (fault == SimFault::timeout)
                    std::this_thread::sleep_for(std::chrono::milliseconds(options_.stall_ms));
                SimReply reply;
                if (fault == SimFault::throttle) {
                    reply = w->refuse(SimRefusal::throttled);
                    reply.result = "throttled";
                } else if (fault == SimFault::expired_token) {
                    reply = w->refuse(SimRefusal::expired_token);
                    reply.result = "expired_token";
                } else {
                    std::lock_guard lock(mutex_);
                    reply = w->handle(r, shop_, clock_.now(),
                                      fault == SimFault::duplicate_across_pages);
                }
                // Cut mid-document, as a dropped proxy connection leaves it (after the platform
                // did the work: the caller cannot know whether it did).
                if (fault == SimFault::malformed_json) reply.body.resize(reply.body.size() / 2);
                {
                    std::lock_guard lock(mutex_);
                    std::string result = reply.result;
                    if (fault == SimFault::malformed_json) result += " (reply cut)";
                    if (fault == SimFault::timeout) result += " (reply late)";
                    calls_.push_back(
                        {w->platform(), api, reply.subject, reply.http_status, result});
                }
                res.status = reply.http_status;
                res.set_content(reply.body, "application/json;charset=UTF-8");
            });
    }
    // Control calls are answered before httplib reads a body: `curl -X POST URL` sends none
    // and no Content-Length, which httplib would refuse with 400.
    server_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (req.method != "POST" || (req.path != "/sim/fault" && req.path != "/sim/change"))
            return httplib::Server::HandlerResponse::Unhandled;
        res.set_header("Connection", "close");
        try {
            if (req.path == "/sim/fault") {
                int times = req.has_param("times") ? std::stoi(req.get_param_value("times")) : 1;
                std::optional<Platform> only;
                if (req.has_param("platform"))
                    only = parse_platform(req.get_param_value("platform"));
                inject(parse_sim_fault(req.get_param_value("kind")), times, only,
                       req.get_param_value("api"));
            } else {
                int count = req.has_param("count") ? std::stoi(req.get_param_value("count")) : 10;
                with_shop([&](SimShop& shop) {
                    shop.change(options_.seed, count, clock_.now());
                    return 0;
                });
            }
            res.set_content("{\"ok\":true}\n", "application/json");
        } catch (const std::exception& e) {
            res.status = 400;
            res.set_content(std::string(e.what()) + "\n", "text/plain; charset=utf-8");
        }
        return httplib::Server::HandlerResponse::Handled;
    });
    server_->Get("/sim/calls", [this](const httplib::Request&, httplib::Response& res) {
        nlohmann::json list = nlohmann::json::array();
        for (const Call& c : calls())
            list.push_back({{"platform", platform_code(c.platform)},
                            {"api", c.api},
                            {"order", c.subject},
                            {"status", c.http_status},
                            {"result", c.result}});
        res.set_content(list.dump(1) + "\n", "application/json;charset=UTF-8");
    });
}

std::vector<PlatformSimulator::Call> PlatformSimulator::calls() const {
    std::lock_guard lock(mutex_);
    return calls_;
}

std::optional<SimFault> PlatformSimulator::take_fault(Platform p, const std::string& api) {
    for (auto it = faults_.begin(); it != faults_.end(); ++it) {
        if (it->only && *it->only != p) continue;
        if (!it->api.empty() && it->api != api) continue;
        SimFault f = it->fault;
        faults_.erase(it);
        return f;
    }
    return std::nullopt;
}

void PlatformSimulator::inject(SimFault fault, int times, std::optional<Platform> only,
                               const std::string& api) {
    std::lock_guard lock(mutex_);
    for (int i = 0; i < times; ++i)
        faults_.push_back({fault, only, api});
}

void PlatformSimulator::clear_faults() {
    std::lock_guard lock(mutex_);
    faults_.clear();
}

int PlatformSimulator::requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
}

int PlatformSimulator::start(int port) {
    port_ = port == 0 ? server_->bind_to_any_port("127.0.0.1")
                      : (server_->bind_to_port("127.0.0.1", port) ? port : -1);
    if (port_ < 0)
        throw InvalidInput(trf("Port {0} on 127.0.0.1 is taken; choose another with --port",
                               std::to_string(port)));
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    // Bounded: listen_after_bind() flips is_running() at once unless it failed.
    for (int i = 0; i < 2000 && !server_->is_running(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return port_;
}

void PlatformSimulator::run(int port) {
    if (!server_->bind_to_port("127.0.0.1", port))
        throw InvalidInput(trf("Port {0} on 127.0.0.1 is taken; choose another with --port",
                               std::to_string(port)));
    port_ = port;
    server_->listen_after_bind();
}

void PlatformSimulator::stop() {
    server_->stop();
    if (thread_.joinable()) thread_.join();
}

std::string PlatformSimulator::endpoint() const {
    return "http://127.0.0.1:" + std::to_string(port_);
}

}  // namespace dj
