#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/base/types.h"
#include "print/component_protocol.h"
#include "store/fulfilment/print_journal_repository.h"

namespace dj {
class Database;
}

namespace dj::ops {

struct WaybillPrintOptions {
    std::string printer;        // empty: the one chosen for the component here, else its default
    std::string component_url;  // for one component's orders; empty: its usual port on this PC
    std::map<PrintComponent, std::string> component_urls;  // where each listens, when not usual
    bool reprint = false;         // print again what was printed (or may have been)
    std::string custom_template;  // a custom-area template of the platform's; empty: none
    std::string shop_note;        // printed in the custom area
    int wait_ms = 20000;          // how long to wait for the components' results
};

// What became of one parcel's e-waybill.
struct PrintedWaybill {
    std::string order_no;
    std::string tracking_no;
    std::string component;  // code; empty when not sent
    DocumentState state = DocumentState::sent;
    bool reprint = false;
    bool skipped = false;  // not sent; `message` says why
    std::string message;
};
struct WaybillPrintReport {
    std::vector<PrintedWaybill> waybills;
    int count(DocumentState s) const;  // of those sent
    int skipped() const;
};

// Prints the e-waybills of these orders' parcels through the print component of each order's
// platform, one document a task (the components' advice, so a failure never reprints others).
// Each task is in the journal before it goes out; results pushed later or asked for after a
// lost connection settle it; a parcel counts as printed only when its component says printed.
// A waybill printed before (or sent without a final word) is printed again only with
// `reprint`, recorded as a reprint. Parcels without a platform number are skipped, saying why.
WaybillPrintReport print_waybills(Database& db, const Actor& actor,
                                  const std::vector<Id>& order_ids,
                                  const WaybillPrintOptions& options);

// The print components on this PC (or where `urls` says), each with its printers and the one
// chosen for this workstation.
struct ComponentFound {
    PrintComponent component = PrintComponent::cainiao;
    std::string url;
    bool found = false;
    std::string problem;  // why not found
    std::string default_printer;
    std::vector<std::string> printers;
    std::string chosen;  // for this workstation; empty: the component's default
};
std::vector<ComponentFound> probe_print_components(
    Database& db, const Actor& actor, const std::map<PrintComponent, std::string>& urls = {});
// Remembers the printer a component prints to on the actor's workstation (empty: forget),
// audited.
void choose_component_printer(Database& db, const Actor& actor, PrintComponent component,
                              const std::string& printer);

// The orders whose e-waybill's last print failed and never printed: what is retried from one
// list.
std::vector<Id> failed_print_orders(Database& db);

// The journal, newest first: of these orders (empty: all), failed documents only.
std::vector<PrintJournalRow> print_journal(Database& db, const std::vector<Id>& order_ids,
                                           bool failed_only, int limit = 1000);

}  // namespace dj::ops
