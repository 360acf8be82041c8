#pragma once

#include <wx/string.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/app_context.h"
#include "ops/e_waybills.h"
#include "ops/print_waybills.h"

namespace dj::app {

// 取号 and 打印面单 as the window runs them: off the UI thread on a connection of its own,
// for a wave or orders named as `dianjia-cli` names them.
struct WaybillJob {
    std::vector<std::string> subjects;  // a wave number, or platform order ids
    bool fetch = false;                 // numbers for the parcels without one
    bool print = false;                 // then print them through the components
    bool reprint = false;               // print again what was printed (after asking)
};
struct WaybillJobResult {
    std::optional<ops::WaybillFetchReport> fetched;
    std::optional<ops::WaybillPrintReport> printed;
};

std::shared_ptr<TaskProgress> start_waybill_job(AppContext& ctx, std::weak_ptr<void> alive,
                                                WaybillJob job,
                                                std::function<void(WaybillJobResult&)> done,
                                                std::function<void(const std::string&)> failed);

// "取号 3 个，…；已打印 3 张，…" and the first problem, for the person.
wxString describe_waybill_job(const WaybillJobResult& r);

}  // namespace dj::app
