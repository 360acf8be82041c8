#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "print/component_protocol.h"

namespace dj {

class WsServer;

// A loopback stand-in for one platform's print component: answers getPrinters, print and
// getTaskStatus in the component's dialect, pushes each task's result (notifyPrintResult, or
// Pinduoduo's PrintResultNotify; JD answers once), and can fail a document or drop the
// connection after taking a task, as a crashed component does.
class ComponentSimulator {
  public:
    explicit ComponentSimulator(PrintComponent kind);
    ~ComponentSimulator();
    ComponentSimulator(const ComponentSimulator&) = delete;
    ComponentSimulator& operator=(const ComponentSimulator&) = delete;

    // Listens on 127.0.0.1:port (0: any free port); returns the port.
    int start(int port = 0);
    void stop();
    std::string url() const;
    PrintComponent kind() const { return kind_; }

    // The next print of this document fails with `message`.
    void fail_document(const std::string& document_id, const std::string& message);
    // The next `tasks` print tasks are printed, then the connection drops before their result
    // is pushed.
    void drop_after_print(int tasks);

    // One document that came out of the printer.
    struct Printed {
        std::string task_id;
        std::string document_id;
        std::string printer;
        std::string frame;  // the whole print request as received
    };
    std::vector<Printed> printed() const;
    std::vector<std::string> printers() const { return {"Deli DL-888T", "HPRT N31"}; }

  private:
    void handle(int connection, const std::string& text);

    PrintComponent kind_;
    int port_ = 0;
    mutable std::mutex mutex_;
    std::map<std::string, std::string> fail_;  // document id -> message
    int drop_after_ = 0;
    std::vector<Printed> printed_;
    // Every task taken, with its documents' final states, for getTaskStatus.
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> tasks_;
    std::unique_ptr<WsServer> server_;
};

}  // namespace dj
