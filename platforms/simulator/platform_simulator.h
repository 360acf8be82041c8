#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/base/clock.h"
#include "core/base/platform.h"
#include "simulator/sim_shop.h"
#include "simulator/sim_wire.h"

namespace httplib {
class Server;
}

namespace dj {

struct SimulatorOptions {
    std::uint64_t seed = 1;
    int orders = 200;
    std::string app_key = "sim-app";
    std::string app_secret = "sim-secret";
    std::string token = "sim-token";
    int stall_ms = 1500;  // how long a "timeout" fault holds the answer
};

enum class SimFault {
    http_500,
    throttle,
    timeout,
    malformed_json,
    duplicate_across_pages,
    expired_token
};
// Throws InvalidInput listing the names: http_500, throttle, timeout, malformed_json,
// duplicate, expired_token.
SimFault parse_sim_fault(const std::string& name);

// A loopback server speaking the four platforms' wire formats on one port (127.0.0.1 only):
// /router/rest (Taobao), /routerjson (JD), /api/router (Pinduoduo), /order/... and /sku/...
// (Douyin). Control: POST /sim/fault?kind=K&times=N[&platform=P][&api=A], POST
// /sim/change?count=N
// (with or without a body), GET /sim/calls (every platform call received, oldest first).
class PlatformSimulator {
  public:
    // The simulated shops' orders are dated by `clock` (which must outlive the simulator);
    // request timestamps are checked against the computer's clock, as a platform does.
    explicit PlatformSimulator(const Clock& clock, SimulatorOptions options = {});
    ~PlatformSimulator();
    PlatformSimulator(const PlatformSimulator&) = delete;
    PlatformSimulator& operator=(const PlatformSimulator&) = delete;

    // Binds 127.0.0.1:port (0: any free port), serves on a background thread, returns the port.
    int start(int port = 0);
    // Binds and serves on this thread until stop() (from another thread or a signal handler).
    void run(int port);
    void stop();
    std::string endpoint() const;

    // The next `times` platform calls (of `only`, or any; of the API `api` — a method name or
    // a path — or any) fail this way.
    void inject(SimFault fault, int times, std::optional<Platform> only = std::nullopt,
                const std::string& api = "");
    // Drops the faults not yet used.
    void clear_faults();
    // Work on the simulated platforms' data under the simulator's lock.
    template <class F>
    auto with_shop(F&& f) {
        std::lock_guard lock(mutex_);
        return f(shop_);
    }
    int requests() const;

    // One platform call as the simulator received it.
    struct Call {
        Platform platform = Platform::taobao;
        std::string api;      // method or path
        std::string subject;  // the order a shipment confirmation named
        int http_status = 200;
        std::string result;  // "ok", "already_shipped", "answered", a fault's name...
    };
    std::vector<Call> calls() const;

  private:
    struct PendingFault {
        SimFault fault;
        std::optional<Platform> only;
        std::string api;
    };
    void install_routes();
    std::optional<SimFault> take_fault(Platform p, const std::string& api);

    const Clock& clock_;
    SimulatorOptions options_;
    std::unique_ptr<httplib::Server> server_;
    std::vector<std::unique_ptr<SimWire>> wires_;
    std::thread thread_;
    mutable std::mutex mutex_;
    SimShop shop_;
    std::deque<PendingFault> faults_;
    std::vector<Call> calls_;
    int requests_ = 0;
    int port_ = 0;
};

}  // namespace dj
