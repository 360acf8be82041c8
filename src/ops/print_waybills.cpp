#include "ops/print_waybills.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/base/translate.h"
#include "core/stock/catalogue.h"
#include "ops/access.h"
#include "print/component_client.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"
#include "store/fulfilment/waybill_repository.h"
#include "store/fulfilment/waybill_request_repository.h"
#include "store/stock/catalogue_repository.h"

namespace dj::ops {

namespace {

bool final_state(DocumentState s) {
    return s == DocumentState::printed || s == DocumentState::failed ||
           s == DocumentState::cancelled;
}

struct Item {
    WaybillParcel parcel;
    Waybill waybill;
    std::size_t report_index = 0;
    std::string task_id;
};

// Results the component pushes on its own thread, taken over by the printing thread.
struct Inbox {
    std::mutex mutex;
    std::vector<std::pair<std::string, DocumentOutcome>> results;  // task id, outcome
    bool dropped = false;
};

class ComponentRun {
  public:
    ComponentRun(Database& db, WaybillPrintReport& report, PrintComponent kind,
                 const std::string& url)
        : db_(db), report_(report), kind_(kind), url_(url) {}

    void connect() {
        inbox_ = std::make_shared<Inbox>();
        std::shared_ptr<Inbox> inbox = inbox_;
        client_ = std::make_unique<ComponentClient>(
            kind_, url_,
            [inbox](const std::string& task, const std::vector<DocumentOutcome>& docs) {
                std::lock_guard lock(inbox->mutex);
                for (const DocumentOutcome& d : docs)
                    inbox->results.emplace_back(task, d);
            },
            [inbox] {
                std::lock_guard lock(inbox->mutex);
                inbox->dropped = true;
            });
    }
    ComponentClient& client() { return *client_; }

    // Records what the component said, in the journal and in the report.
    void apply(const std::string& task_id, const DocumentOutcome& o) {
        set_print_state(db_, task_id, o.document_id, std::string(document_state_code(o.state)),
                        o.message, db_.clock().now());
        for (PrintedWaybill& w : report_.waybills)
            if (w.tracking_no == o.document_id && !w.skipped && w.state != DocumentState::printed) {
                w.state = o.state;
                w.message = o.message;
            }
    }

    // Asks the component what became of these tasks (a lost connection, an earlier run).
    // A task the component does not know never reached it. JD keeps no tasks: its answers
    // stay unknown.
    void settle(const std::vector<std::string>& task_ids,
                const std::map<std::string, std::string>& documents) {
        if (kind_ == PrintComponent::jd) return;
        std::vector<ComponentMessage::Task> known = client_->task_status(task_ids);
        WriteTransaction tx(db_);
        for (const std::string& id : task_ids) {
            auto t = std::find_if(known.begin(), known.end(),
                                  [&](const ComponentMessage::Task& k) { return k.task_id == id; });
            if (t == known.end() || t->documents.empty()) {
                if (auto d = documents.find(id); d != documents.end())
                    apply(id, {d->second, DocumentState::failed,
                               tr("the print component never received it")});
                continue;
            }
            for (const DocumentOutcome& d : t->documents)
                if (d.state != DocumentState::accepted) apply(id, d);
        }
        tx.commit();
    }

    // Takes over what was pushed; true when the connection dropped meanwhile.
    bool drain() {
        std::vector<std::pair<std::string, DocumentOutcome>> results;
        bool dropped = false;
        {
            std::lock_guard lock(inbox_->mutex);
            results.swap(inbox_->results);
            dropped = inbox_->dropped;
        }
        if (!results.empty()) {
            WriteTransaction tx(db_);
            for (const auto& [task, outcome] : results)
                apply(task, outcome);
            tx.commit();
        }
        return dropped;
    }

  private:
    Database& db_;
    WaybillPrintReport& report_;
    PrintComponent kind_;
    std::string url_;
    std::shared_ptr<Inbox> inbox_;
    std::unique_ptr<ComponentClient> client_;
};

nlohmann::json custom_fields(const Item& item, const std::string& note) {
    std::string items;
    for (const auto& [title, qty] : item.parcel.items)
        items += (items.empty() ? "" : "；") + title + " ×" + std::to_string(qty);
    return {{"orderNo", item.parcel.order_no},
            {"items", items},
            {"note", note},
            {"barcode", item.parcel.order_no}};
}

}  // namespace

int WaybillPrintReport::count(DocumentState s) const {
    return static_cast<int>(std::count_if(waybills.begin(), waybills.end(), [s](const auto& w) {
        return !w.skipped && w.state == s;
    }));
}

int WaybillPrintReport::skipped() const {
    return static_cast<int>(
        std::count_if(waybills.begin(), waybills.end(), [](const auto& w) { return w.skipped; }));
}

WaybillPrintReport print_waybills(Database& db, const Actor& actor,
                                  const std::vector<Id>& order_ids,
                                  const WaybillPrintOptions& options) {
    require(actor, Permission::Fulfil);
    WaybillPrintReport report;
    std::map<PrintComponent, std::vector<Item>> groups;
    {
        ReadTransaction read(db);
        std::map<std::string, Platform> platforms;
        for (WaybillParcel& p : waybill_parcels(db, order_ids)) {
            PrintedWaybill out;
            out.order_no = p.order_no;
            std::optional<Waybill> w = find_waybill(db, p.head);
            if (!w || !w->from_platform || w->print_data.empty()) {
                out.skipped = true;
                out.message =
                    !w ? tr("no waybill number yet: fetch one first (waybill fetch)")
                       : tr("a typed number has no platform print data: print our own label "
                            "(print labels)");
                if (w) out.tracking_no = w->tracking_no;
                report.waybills.push_back(out);
                continue;
            }
            if (!platforms.count(p.store))
                platforms[p.store] = CatalogueRepository(db).require_store(p.store).platform;
            PrintComponent kind = component_for(platforms[p.store]);
            out.tracking_no = w->tracking_no;
            out.component = std::string(component_code(kind));
            groups[kind].push_back({std::move(p), *w, report.waybills.size(), ""});
            report.waybills.push_back(out);
        }
    }
    if (!options.component_url.empty() && groups.size() > 1)
        throw InvalidInput(
            tr("--component names one print component, but these orders are on several "
               "platforms: print each platform's orders apart"));

    for (auto& [kind, items] : groups) {
        std::string url = !options.component_url.empty()       ? options.component_url
                          : options.component_urls.count(kind) ? options.component_urls.at(kind)
                                                               : component_url(kind);
        ComponentRun run(db, report, kind, url);
        std::string printer = options.printer;
        try {
            run.connect();
            if (printer.empty())
                printer =
                    component_printer(db, actor.workstation, std::string(component_code(kind)));
            if (printer.empty()) {
                ComponentClient::Printers p = run.client().printers();
                printer = !p.default_printer.empty() ? p.default_printer
                          : p.names.empty()          ? std::string()
                                                     : p.names.front();
            }
            // What an earlier run left without a final word is asked for first.
            std::vector<std::string> open;
            std::map<std::string, std::string> documents;
            for (const Item& item : items)
                for (const std::string& t :
                     waybill_prints(db, item.waybill.tracking_no).open_tasks) {
                    open.push_back(t);
                    documents[t] = item.waybill.tracking_no;
                }
            if (!open.empty()) run.settle(open, documents);
        } catch (const ComponentUnavailable& e) {
            for (const Item& item : items) {
                PrintedWaybill& w = report.waybills[item.report_index];
                w.skipped = true;
                w.message = e.what();
            }
            continue;
        }
        std::vector<std::string> sent;
        for (Item& item : items) {
            PrintedWaybill& w = report.waybills[item.report_index];
            WaybillPrints before = waybill_prints(db, item.waybill.tracking_no);
            bool again = before.printed || !before.open_tasks.empty();
            if (again && !options.reprint) {
                w.skipped = true;
                w.state = before.printed ? DocumentState::printed : DocumentState::sent;
                w.message = before.printed
                                ? tr("printed before: print it again with --reprint")
                                : tr("sent before without a final word from the component: "
                                     "check the printer, then print again with --reprint");
                continue;
            }
            item.task_id =
                "DJ-" + item.waybill.tracking_no + "-" + std::to_string(before.tasks + 1);
            {
                WriteTransaction tx(db);
                record_print_task(db, item.task_id, w.component, printer, actor, db.clock().now(),
                                  {{item.waybill.tracking_no, item.parcel.head}}, again);
                if (again)
                    audit(db, actor, "waybill.reprint", item.parcel.order_no,
                          item.waybill.tracking_no);
                tx.commit();
            }
            w.reprint = again;
            sent.push_back(item.task_id);
            ComponentDocument doc{item.waybill.tracking_no, item.waybill.print_data,
                                  custom_fields(item, options.shop_note), options.custom_template};
            try {
                std::vector<DocumentOutcome> answer =
                    run.client().print(item.task_id, printer, {doc});
                WriteTransaction tx(db);
                for (const DocumentOutcome& o : answer)
                    run.apply(item.task_id, o);
                tx.commit();
            } catch (const ComponentUnavailable& e) {
                // Whether it printed is unknown: the journal keeps it sent, and a status
                // request after reconnecting settles it; the rest is not sent.
                w.message = e.what();
                for (const Item& rest : items)
                    if (rest.task_id.empty() && !report.waybills[rest.report_index].skipped) {
                        report.waybills[rest.report_index].skipped = true;
                        report.waybills[rest.report_index].message =
                            tr("not sent: the connection to the print component was lost");
                    }
                break;
            } catch (const InvalidInput& e) {
                WriteTransaction tx(db);
                run.apply(item.task_id,
                          {item.waybill.tracking_no, DocumentState::failed, e.what()});
                tx.commit();
            }
        }
        // Wait for the pushed results; after a drop, reconnect once and ask.
        auto deadline =
            std::chrono::steady_clock::now() + std::chrono::milliseconds(options.wait_ms);
        bool reconnected = false;
        auto open_tasks = [&] {
            std::vector<std::string> open;
            for (const Item& item : items)
                if (!item.task_id.empty() && !final_state(report.waybills[item.report_index].state))
                    open.push_back(item.task_id);
            return open;
        };
        std::map<std::string, std::string> documents;
        for (const Item& item : items)
            documents[item.task_id] = item.waybill.tracking_no;
        // JD answers once and pushes nothing: there is nothing to wait for.
        while (kind != PrintComponent::jd && !open_tasks().empty() &&
               std::chrono::steady_clock::now() < deadline) {
            if (run.drain()) {
                if (reconnected) break;
                reconnected = true;
                try {
                    run.connect();
                    run.settle(open_tasks(), documents);
                } catch (const ComponentUnavailable&) {
                    break;
                }
                continue;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        run.drain();
    }
    return report;
}

std::vector<ComponentFound> probe_print_components(
    Database& db, const Actor& actor, const std::map<PrintComponent, std::string>& urls) {
    std::vector<ComponentFound> found;
    for (PrintComponent c : {PrintComponent::cainiao, PrintComponent::pinduoduo,
                             PrintComponent::douyin, PrintComponent::jd}) {
        ComponentFound f;
        f.component = c;
        f.url = urls.count(c) ? urls.at(c) : component_url(c);
        f.chosen = component_printer(db, actor.workstation, std::string(component_code(c)));
        try {
            ComponentClient client(c, f.url, {}, {}, 1500);
            ComponentClient::Printers p = client.printers();
            f.found = true;
            f.default_printer = p.default_printer;
            f.printers = p.names;
        } catch (const ComponentUnavailable& e) {
            f.problem = e.what();
        }
        found.push_back(std::move(f));
    }
    return found;
}

void choose_component_printer(Database& db, const Actor& actor, PrintComponent component,
                              const std::string& printer) {
    require(actor, Permission::Fulfil);
    require_text(printer, kMaxNameLength, tr("printer"));
    WriteTransaction tx(db);
    std::string code(component_code(component));
    save_component_printer(db, actor.workstation, code, printer);
    audit(db, actor, "print.printer", code,
          printer.empty() ? tr("the component's default") : printer);
    tx.commit();
}

std::vector<Id> failed_print_orders(Database& db) {
    ReadTransaction read(db);
    return dj::failed_print_orders(db);
}

std::vector<PrintJournalRow> print_journal(Database& db, const std::vector<Id>& order_ids,
                                           bool failed_only, int limit) {
    ReadTransaction read(db);
    return print_journal_rows(db, order_ids, failed_only, limit);
}

}  // namespace dj::ops
