// A group robot on 127.0.0.1 for the notification tests: records each request and answers
// with scripted replies, then with success.
#pragma once

#include <httplib.h>

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace dj::test {

struct Received {
    std::string path, body, timestamp, sign;
};

class LoopbackRobot {
  public:
    LoopbackRobot() {
        server_.Post(
            R"(/(wecom|ding))", [this](const httplib::Request& req, httplib::Response& res) {
                std::lock_guard lock(mutex_);
                received_.push_back({req.path, req.body, req.get_param_value("timestamp"),
                                     req.get_param_value("sign")});
                auto [status, body] =
                    replies_.empty() ? std::pair<int, std::string>{200, kOk} : replies_.front();
                if (!replies_.empty()) replies_.pop_front();
                res.status = status;
                res.set_content(body, "application/json");
            });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        for (int i = 0; i < 2000 && !server_.is_running(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~LoopbackRobot() {
        server_.stop();
        thread_.join();
    }
    std::string url(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(port_) + path;
    }
    void reply(int status, const std::string& body) {
        std::lock_guard lock(mutex_);
        replies_.emplace_back(status, body);
    }
    std::vector<Received> received() {
        std::lock_guard lock(mutex_);
        return {received_.begin(), received_.end()};
    }

    static constexpr const char* kOk = R"({"errcode":0,"errmsg":"ok"})";

  private:
    httplib::Server server_;
    std::thread thread_;
    std::mutex mutex_;
    std::deque<std::pair<int, std::string>> replies_;
    std::vector<Received> received_;
    int port_ = 0;
};

}  // namespace dj::test
