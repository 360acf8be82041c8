#pragma once

#include <functional>
#include <memory>
#include <string>

#include "app/task_runner.h"
#include "core/base/actor.h"
#include "core/base/clock.h"
#include "store/base/database.h"

namespace dj::app {

// What every view shares: the open shop, the acting user and the background runner.
struct AppContext {
    std::string db_path;
    // DIANJIA_NOW or the computer's clock; lives as long as the program, so workers share it.
    std::unique_ptr<Clock> clock;
    std::unique_ptr<Database> db;  // the UI thread's connection; workers open their own
    Actor actor;
    TaskRunner tasks;
    // Called after a view changed data, so the others reload when shown.
    std::function<void()> data_changed;
    // Shows a view (MainFrame::view_names()) with only the named part of it (View::show_subset).
    std::function<void(const std::string& view, const std::string& subset)> open_view;
    // Called after something was queued for the platforms (a shipment), so it is sent now.
    std::function<void()> outbox_queued;
};

}  // namespace dj::app
