#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/platform.h"

namespace dj {

// The platforms' local print components (../shared/PRINT_COMPONENTS.md): Cainiao's protocol,
// which Pinduoduo's and Douyin's copy with small differences, and JD's own.
enum class PrintComponent { cainiao, pinduoduo, douyin, jd };

PrintComponent component_for(Platform platform);
std::string_view component_code(PrintComponent c);  // "cainiao", …
// The component's name in the interface language ("菜鸟打印组件").
std::string component_name(PrintComponent c);
// Where the component listens on the packer's PC (plain ws://).
int component_port(PrintComponent c);

// One document of a print task: one e-waybill.
struct ComponentDocument {
    std::string document_id;  // the tracking number
    std::string print_data;   // the platform's, as stored with the waybill
    // Our own fields for the custom area (order number, items, the shop's note, a barcode),
    // printed only with a custom-area template.
    nlohmann::json custom = nlohmann::json::object();
    std::string custom_template;  // empty: no custom area
};

// What a document became, as the component says.
enum class DocumentState { sent, accepted, rendered, printed, failed, cancelled };
std::string_view document_state_code(DocumentState s);
DocumentState parse_document_state(std::string_view code);  // throws InvalidInput
std::string document_state_name(DocumentState s);           // in the interface language

struct DocumentOutcome {
    std::string document_id;
    DocumentState state = DocumentState::sent;
    std::string message;
};

// Requests, one JSON text frame each.
std::string printers_request(PrintComponent c, const std::string& request_id);
// Print data and template URLs go out byte for byte, in each component's spelling. Throws
// InvalidInput naming the document when its print data is not what the platform gave.
std::string print_request(PrintComponent c, const std::string& request_id,
                          const std::string& task_id, const std::string& printer,
                          const std::vector<ComponentDocument>& documents);
// Not for JD, which has no such command.
std::string task_status_request(PrintComponent c, const std::string& request_id,
                                const std::vector<std::string>& task_ids);

// One frame from a component.
struct ComponentMessage {
    enum class Kind { response, result, other } kind = Kind::other;
    std::string request_id;  // a response's
    std::string command;
    bool ok = true;
    std::string message;
    std::string default_printer;  // a printer list's
    std::vector<std::string> printers;
    // A print response, a pushed result or a task status: per task, its documents.
    struct Task {
        std::string task_id;
        std::vector<DocumentOutcome> documents;
    };
    std::vector<Task> tasks;
};
// Throws MalformedResponse (platform_error.h) for a frame that is not such JSON.
ComponentMessage parse_component_message(PrintComponent c, const std::string& text);

}  // namespace dj
