#pragma once

#include <wx/string.h>

#include <functional>
#include <memory>
#include <string>

#include "app/app_context.h"
#include "ops/shop_queries.h"

namespace dj::app {

// Writes the document's PDF to `pdf`, on a worker with its own database connection.
using RenderPdf = std::function<void(Database& db, const std::string& pdf)>;

struct PrintSent {
    std::string printer;
    int job = 0;
};

// Prints a document on the printer remembered for its type (Settings, Printers): rendered into a
// temporary PDF and sent off the UI thread; `done` or `failed` come back on the UI thread while
// `alive` is held. `name` titles the job in the print queue (e.g. "W20261124-001-labels").
// Returns the message to show, and starts nothing, when no printer is chosen for the type.
wxString print_on_chosen_printer(AppContext& ctx, std::weak_ptr<void> alive, PrintDocument document,
                                 const std::string& name, RenderPdf render,
                                 std::function<void(PrintSent&)> done,
                                 std::function<void(const std::string&)> failed);

}  // namespace dj::app
