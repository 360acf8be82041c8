#include "simulator/component_simulator.h"

#include <nlohmann/json.hpp>

#include "print/ws_connection.h"

namespace dj {

using nlohmann::json;

namespace {

// The template key each component reads in an encrypted content object.
const char* template_key(PrintComponent c) {
    return c == PrintComponent::pinduoduo ? "templateUrl" : "templateURL";
}

}  // namespace

ComponentSimulator::ComponentSimulator(PrintComponent kind)
    : kind_(kind),
      server_(std::make_unique<WsServer>(
          [this](int connection, const std::string& text) { handle(connection, text); })) {}

ComponentSimulator::~ComponentSimulator() {
    stop();
}

int ComponentSimulator::start(int port) {
    port_ = server_->start(port);
    return port_;
}

void ComponentSimulator::stop() {
    server_->stop();
}

std::string ComponentSimulator::url() const {
    return "ws://127.0.0.1:" + std::to_string(port_);
}

void ComponentSimulator::fail_document(const std::string& document_id, const std::string& message) {
    std::lock_guard lock(mutex_);
    fail_[document_id] = message;
}

void ComponentSimulator::drop_after_print(int tasks) {
    std::lock_guard lock(mutex_);
    drop_after_ = tasks;
}

std::vector<ComponentSimulator::Printed> ComponentSimulator::printed() const {
    std::lock_guard lock(mutex_);
    return printed_;
}

void ComponentSimulator::handle(int connection, const std::string& text) {
    json j = json::parse(text, nullptr, false);
    if (!j.is_object()) return;
    if (kind_ == PrintComponent::jd) {
        std::string key = j.value("key", "");
        std::string type = j.value("orderType", "");
        if (type == "GET_Printers") {
            server_->send(connection, json{{"code", "6"},
                                           {"success", "true"},
                                           {"message", ""},
                                           {"key", key},
                                           {"detailinfo", {{"printers", printers()}}}}
                                          .dump());
            return;
        }
        if (type != "PRINT") {
            server_->send(connection, json{{"code", "0"},
                                           {"success", "false"},
                                           {"message", "unknown orderType"},
                                           {"key", key}}
                                          .dump());
            return;
        }
        json params = j.value("parameters", json::object());
        json errors = json::array();
        bool drop = false;
        {
            std::lock_guard lock(mutex_);
            int seq = 0;
            for (const json& c : params.value("contents", json::array())) {
                ++seq;
                std::string data = c.value("printData", "");
                std::string id = data.substr(data.rfind(':', data.rfind(':') - 1) + 1);
                id = id.substr(0, id.find(':'));  // SIMENC:jd:<tracking>:<object id>
                auto f = fail_.find(id);
                if (data.empty() || c.value("tempUrl", "").empty() || f != fail_.end()) {
                    errors.push_back(
                        {{"seq", seq},
                         {"msg", f != fail_.end() ? f->second : "打印数据或模板为空"}});
                    if (f != fail_.end()) fail_.erase(f);
                    continue;
                }
                printed_.push_back({key, id, params.value("printName", ""), text});
            }
            if (drop_after_ > 0) {
                --drop_after_;
                drop = true;
            }
        }
        if (drop) {
            server_->drop(connection);
            return;
        }
        server_->send(connection, json{{"code", "2"},
                                       {"success", errors.empty() ? "true" : "false"},
                                       {"message", errors.empty() ? "" : "部分打印失败"},
                                       {"key", key},
                                       {"detailinfo", {{"errors", errors}}}}
                                      .dump());
        return;
    }
    std::string cmd = j.value("cmd", "");
    std::string request_id = j.value("requestID", "");
    if (cmd == "getPrinters") {
        json list = json::array();
        for (const std::string& p : printers())
            list.push_back({{"name", p}});
        server_->send(connection, json{{"cmd", cmd},
                                       {"requestID", request_id},
                                       {"defaultPrinter", printers().front()},
                                       {"printers", list}}
                                      .dump());
        return;
    }
    if (cmd == "getTaskStatus") {
        json status = json::array();
        {
            std::lock_guard lock(mutex_);
            for (const json& id : j.value("taskID", json::array())) {
                auto t = tasks_.find(id.get<std::string>());
                json detail = json::array();
                if (t != tasks_.end())
                    for (const auto& [doc, state] : t->second)
                        detail.push_back({{"documentID", doc}, {"status", state}, {"msg", ""}});
                status.push_back({{"taskID", id}, {"detailStatus", detail}});
            }
        }
        server_->send(
            connection,
            json{{"cmd", cmd}, {"requestID", request_id}, {"printStatus", status}}.dump());
        return;
    }
    if (cmd != "print") {
        server_->send(connection, json{{"cmd", cmd},
                                       {"requestID", request_id},
                                       {"status", "failed"},
                                       {"msg", "unknown cmd"}}
                                      .dump());
        return;
    }
    json task = j.value("task", json::object());
    std::string task_id = task.value("taskID", "");
    json documents = task.value("documents", json::array());
    if (task_id.empty() || documents.empty()) {
        server_->send(connection, json{{"cmd", cmd},
                                       {"requestID", request_id},
                                       {"status", "failed"},
                                       {"errorCode", 11},
                                       {"msg", "document not found"}}
                                      .dump());
        return;
    }
    json results = json::array();
    bool any_failed = false, drop = false;
    {
        std::lock_guard lock(mutex_);
        std::vector<std::pair<std::string, std::string>> states;
        for (const json& d : documents) {
            std::string id = d.value("documentID", "");
            json contents = d.value("contents", json::array());
            json area = contents.empty() ? json::object() : contents.front();
            std::string failure;
            if (auto f = fail_.find(id); f != fail_.end()) {
                failure = f->second;
                fail_.erase(f);
            } else if (!area.contains("encryptedData") || !area.contains("signature") ||
                       !area.contains(template_key(kind_))) {
                failure = "Unknown encryption type.";
            }
            if (failure.empty()) printed_.push_back({task_id, id, task.value("printer", ""), text});
            any_failed = any_failed || !failure.empty();
            states.emplace_back(id, failure.empty() ? "printed" : "failed");
            results.push_back({{"documentID", id},
                               {"status", failure.empty() ? "success" : "failed"},
                               {"msg", failure},
                               {"detail", ""}});
        }
        tasks_[task_id] = states;
        if (drop_after_ > 0) {
            --drop_after_;
            drop = true;
        }
    }
    server_->send(
        connection,
        json{{"cmd", cmd}, {"requestID", request_id}, {"taskID", task_id}, {"status", "success"}}
            .dump());
    if (drop) {
        server_->drop(connection);
        return;
    }
    json push{
        {"cmd", kind_ == PrintComponent::pinduoduo ? "PrintResultNotify" : "notifyPrintResult"},
        {"printer", task.value("printer", "")},
        {"taskID", task_id},
        {"taskStatus", any_failed ? "failed" : "printed"},
        {"printStatus", results}};
    if (kind_ != PrintComponent::pinduoduo) push["requestID"] = request_id;
    server_->send(connection, push.dump());
}

}  // namespace dj
