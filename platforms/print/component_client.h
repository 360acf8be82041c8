#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/base/error.h"
#include "print/component_protocol.h"

namespace dj {

class WsConnection;

// A print component could not be reached, stopped answering or went away mid-conversation.
class ComponentUnavailable : public Error {
  public:
    using Error::Error;
};

// One connection to a platform's print component: requests matched to their answers by request
// id (JD: key), pushed results routed to `on_result` by task id (notifyPrintResult and
// Pinduoduo's PrintResultNotify). `on_result` and `on_drop` run on the connection's thread.
class ComponentClient {
  public:
    using ResultHandler =
        std::function<void(const std::string& task_id, const std::vector<DocumentOutcome>&)>;
    using DropHandler = std::function<void()>;

    // Connects to `url` (ws://127.0.0.1:PORT for the component's usual port); throws
    // ComponentUnavailable naming the component when nothing answers there.
    ComponentClient(PrintComponent kind, const std::string& url, ResultHandler on_result,
                    DropHandler on_drop = {}, int timeout_ms = 3000);
    ~ComponentClient();
    ComponentClient(const ComponentClient&) = delete;
    ComponentClient& operator=(const ComponentClient&) = delete;

    PrintComponent kind() const { return kind_; }
    const std::string& url() const { return url_; }
    bool connected() const;

    struct Printers {
        std::string default_printer;
        std::vector<std::string> names;
    };
    Printers printers();

    // Sends one task and returns the component's answer per document: accepted (the results
    // are pushed later), or, from JD, which answers only once, printed or failed; a refused
    // task fails every document with the component's message.
    std::vector<DocumentOutcome> print(const std::string& task_id, const std::string& printer,
                                       const std::vector<ComponentDocument>& documents);
    // What the component knows of these tasks now (empty from JD, which keeps no tasks).
    std::vector<ComponentMessage::Task> task_status(const std::vector<std::string>& task_ids);

  private:
    struct Waiting;
    ComponentMessage request(const std::string& request_id, const std::string& text);
    void received(const std::string& text);
    void dropped();

    PrintComponent kind_;
    std::string url_;
    int timeout_ms_;
    ResultHandler on_result_;
    DropHandler on_drop_;
    mutable std::mutex mutex_;
    std::map<std::string, std::shared_ptr<Waiting>> waiting_;
    bool dropped_ = false;
    std::unique_ptr<WsConnection> ws_;
};

// ws://127.0.0.1:PORT of the component on this PC.
std::string component_url(PrintComponent c);

}  // namespace dj
