#include "print/component_protocol.h"

#include "core/base/error.h"
#include "core/base/translate.h"
#include "platform_error.h"

namespace dj {

using nlohmann::json;

PrintComponent component_for(Platform platform) {
    switch (platform) {
        case Platform::taobao:
            return PrintComponent::cainiao;
        case Platform::pinduoduo:
            return PrintComponent::pinduoduo;
        case Platform::douyin:
            return PrintComponent::douyin;
        case Platform::jd:
            return PrintComponent::jd;
    }
    return PrintComponent::cainiao;
}

std::string_view component_code(PrintComponent c) {
    switch (c) {
        case PrintComponent::cainiao:
            return "cainiao";
        case PrintComponent::pinduoduo:
            return "pinduoduo";
        case PrintComponent::douyin:
            return "douyin";
        case PrintComponent::jd:
            return "jd";
    }
    return {};
}

std::string component_name(PrintComponent c) {
    switch (c) {
        case PrintComponent::cainiao:
            return tr("Cainiao print component");
        case PrintComponent::pinduoduo:
            return tr("Pinduoduo print component");
        case PrintComponent::douyin:
            return tr("Douyin print component");
        case PrintComponent::jd:
            return tr("JD print component");
    }
    return {};
}

int component_port(PrintComponent c) {
    switch (c) {
        case PrintComponent::cainiao:
            return 13528;
        case PrintComponent::pinduoduo:
            return 5000;
        case PrintComponent::douyin:
            return 13888;
        case PrintComponent::jd:
            return 9113;
    }
    return 0;
}

std::string_view document_state_code(DocumentState s) {
    switch (s) {
        case DocumentState::sent:
            return "sent";
        case DocumentState::accepted:
            return "accepted";
        case DocumentState::rendered:
            return "rendered";
        case DocumentState::printed:
            return "printed";
        case DocumentState::failed:
            return "failed";
        case DocumentState::cancelled:
            return "cancelled";
    }
    return {};
}

DocumentState parse_document_state(std::string_view code) {
    for (DocumentState s :
         {DocumentState::sent, DocumentState::accepted, DocumentState::rendered,
          DocumentState::printed, DocumentState::failed, DocumentState::cancelled})
        if (document_state_code(s) == code) return s;
    throw InvalidInput(trf("Unknown print state \"{0}\"", std::string(code)));
}

std::string document_state_name(DocumentState s) {
    switch (s) {
        case DocumentState::sent:
            return tr("sent");
        case DocumentState::accepted:
            return tr("accepted");
        case DocumentState::rendered:
            return tr("rendered");
        case DocumentState::printed:
            return tr("printed");
        case DocumentState::failed:
            return tr("failed");
        case DocumentState::cancelled:
            return tr("cancelled");
    }
    return {};
}

namespace {

// The stored print data as the JSON object it must be; the text itself is what goes out.
json print_object(const ComponentDocument& d) {
    json j = json::parse(d.print_data, nullptr, false);
    if (!j.is_object())
        throw InvalidInput(
            trf("Waybill {0}: its print data is not what the platform gave; cancel the number "
                "and fetch another",
                d.document_id));
    return j;
}

// Splices `raw` (a JSON text) where `marker` stands in `text`: the platform's bytes go out as
// they came instead of through a parse and a dump.
std::string splice(std::string text, const std::string& marker, const std::string& raw) {
    std::string quoted = "\"" + marker + "\"";
    auto at = text.find(quoted);
    if (at != std::string::npos) text.replace(at, quoted.size(), raw);
    return text;
}

std::string cainiao_style_print(PrintComponent c, const std::string& request_id,
                                const std::string& task_id, const std::string& printer,
                                const std::vector<ComponentDocument>& documents) {
    json docs = json::array();
    std::vector<std::pair<std::string, std::string>> raw;
    for (std::size_t i = 0; i < documents.size(); ++i) {
        const ComponentDocument& d = documents[i];
        json p = print_object(d);
        std::string marker = "@@dj-print-data-" + std::to_string(i) + "@@";
        std::string content;
        if (c == PrintComponent::douyin) {
            // Douyin's waybill data (/logistics/waybillApply: print_data, sign) with the
            // carrier's standard template, in the component's names.
            json area{{"encryptedData", p.value("print_data", "")},
                      {"signature", p.value("sign", "")},
                      {"templateURL", p.value("template_url", "")}};
            if (p.contains("params")) area["params"] = p["params"];
            content = area.dump();
        } else {
            content = d.print_data;  // Cainiao's and Pinduoduo's, exactly as issued
        }
        raw.emplace_back(marker, content);
        json contents = json::array({marker});
        if (!d.custom_template.empty())
            contents.push_back({{"data", d.custom}, {"templateURL", d.custom_template}});
        docs.push_back({{"documentID", d.document_id}, {"contents", contents}});
    }
    json request{
        {"cmd", "print"},
        {"requestID", request_id},
        {"version", "1.0"},
        {"task",
         {{"taskID", task_id}, {"preview", false}, {"printer", printer}, {"documents", docs}}}};
    if (c == PrintComponent::pinduoduo) {
        request["ISVName"] = "Dianjia";
        request["ERPId"] = "dianjia";
    }
    std::string text = request.dump();
    for (const auto& [marker, content] : raw)
        text = splice(std::move(text), marker, content);
    return text;
}

std::string jd_print(const std::string& request_id, const std::string& printer,
                     const std::vector<ComponentDocument>& documents) {
    json contents = json::array();
    for (const ComponentDocument& d : documents) {
        json p = print_object(d);
        json c{{"tempUrl", p.value("tempUrl", "")}, {"printData", p.value("printData", "")}};
        if (!d.custom_template.empty()) {
            c["customTempUrl"] = d.custom_template;
            c["customData"] = d.custom;
        }
        contents.push_back(c);
    }
    return json{{"orderType", "PRINT"},
                {"key", request_id},
                {"version", "2"},
                {"parameters", {{"printName", printer}, {"contents", contents}}}}
        .dump();
}

DocumentState pushed_state(const std::string& task_status, const std::string& doc_status) {
    if (doc_status == "failed") return DocumentState::failed;
    if (doc_status == "canceled" || doc_status == "cancelled") return DocumentState::cancelled;
    if (task_status == "failed") return DocumentState::failed;
    if (task_status == "rendered") return DocumentState::rendered;
    if (task_status == "printed" || task_status == "partPrinted") return DocumentState::printed;
    return DocumentState::accepted;
}

std::string text_of(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    return it->is_string() ? it->get<std::string>() : it->dump();
}

}  // namespace

std::string printers_request(PrintComponent c, const std::string& request_id) {
    if (c == PrintComponent::jd)
        return json{{"orderType", "GET_Printers"},
                    {"key", request_id},
                    {"version", "2"},
                    {"parameters", json::object()}}
            .dump();
    return json{{"cmd", "getPrinters"}, {"requestID", request_id}, {"version", "1.0"}}.dump();
}

std::string print_request(PrintComponent c, const std::string& request_id,
                          const std::string& task_id, const std::string& printer,
                          const std::vector<ComponentDocument>& documents) {
    if (c == PrintComponent::jd) return jd_print(request_id, printer, documents);
    return cainiao_style_print(c, request_id, task_id, printer, documents);
}

std::string task_status_request(PrintComponent, const std::string& request_id,
                                const std::vector<std::string>& task_ids) {
    return json{{"cmd", "getTaskStatus"},
                {"requestID", request_id},
                {"version", "1.0"},
                {"taskID", task_ids}}
        .dump();
}

ComponentMessage parse_component_message(PrintComponent c, const std::string& text) {
    json j = json::parse(text, nullptr, false);
    if (!j.is_object())
        throw MalformedResponse(
            trf("{0} sent something that is not a JSON object", component_name(c)), text);
    ComponentMessage m;
    if (c == PrintComponent::jd) {
        m.kind = ComponentMessage::Kind::response;
        m.request_id = text_of(j, "key");
        m.command = text_of(j, "code");
        m.ok = text_of(j, "success") == "true";
        m.message = text_of(j, "message");
        json info = j.value("detailinfo", json::object());
        if (!info.is_object()) info = json::parse(info.get<std::string>(), nullptr, false);
        if (info.is_object()) {
            for (const json& p : info.value("printers", json::array()))
                if (p.is_string()) m.printers.push_back(p.get<std::string>());
            ComponentMessage::Task t;
            for (const json& e : info.value("errors", json::array()))
                t.documents.push_back(
                    {text_of(e, "seq"), DocumentState::failed, text_of(e, "msg")});
            if (!t.documents.empty()) m.tasks.push_back(std::move(t));
        }
        return m;
    }
    m.command = text_of(j, "cmd");
    m.request_id = text_of(j, "requestID");
    m.message = text_of(j, "msg");
    m.ok = text_of(j, "status") != "failed";
    if (m.command == "notifyPrintResult" || m.command == "PrintResultNotify") {
        m.kind = ComponentMessage::Kind::result;
        ComponentMessage::Task t{text_of(j, "taskID"), {}};
        std::string task_status = text_of(j, "taskStatus");
        for (const json& d : j.value("printStatus", json::array()))
            t.documents.push_back(
                {text_of(d, "documentID"), pushed_state(task_status, text_of(d, "status")),
                 text_of(d, "msg") +
                     (text_of(d, "detail").empty() ? "" : " " + text_of(d, "detail"))});
        m.tasks.push_back(std::move(t));
        return m;
    }
    m.kind =
        m.request_id.empty() ? ComponentMessage::Kind::other : ComponentMessage::Kind::response;
    m.default_printer = text_of(j, "defaultPrinter");
    for (const json& p : j.value("printers", json::array()))
        if (p.is_object()) m.printers.push_back(text_of(p, "name"));
    if (m.command == "print") m.tasks.push_back({text_of(j, "taskID"), {}});
    if (m.command == "getTaskStatus")
        for (const json& t : j.value("printStatus", json::array())) {
            ComponentMessage::Task task{text_of(t, "taskID"), {}};
            for (const json& d : t.value("detailStatus", json::array())) {
                std::string s = text_of(d, "status");
                DocumentState state = s == "printed" || s == "success" ? DocumentState::printed
                                      : s == "rendered"                ? DocumentState::rendered
                                      : s == "failed"                  ? DocumentState::failed
                                      : s == "canceled"                ? DocumentState::cancelled
                                                                       : DocumentState::accepted;
                task.documents.push_back({text_of(d, "documentID"), state, text_of(d, "msg")});
            }
            m.tasks.push_back(std::move(task));
        }
    return m;
}

}  // namespace dj
