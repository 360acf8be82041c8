#include "app/waybill_job.h"

#include <cstdlib>
#include <map>

#include "app/ui_helpers.h"
#include "http_client.h"
#include "ops/shop_queries.h"
#include "store/base/database.h"

namespace dj::app {

namespace {

// Where the print components listen when not on their usual ports: DIANJIA_PRINT_COMPONENTS
// ("cainiao=ws://127.0.0.1:13528;jd=ws://…"), for support and tests.
std::map<PrintComponent, std::string> component_urls_from_environment() {
    std::map<PrintComponent, std::string> urls;
    const char* text = std::getenv("DIANJIA_PRINT_COMPONENTS");
    if (!text) return urls;
    std::string all = text;
    for (std::size_t at = 0; at < all.size();) {
        std::size_t end = all.find(';', at);
        std::string part = all.substr(at, end == std::string::npos ? end : end - at);
        std::size_t eq = part.find('=');
        if (eq != std::string::npos)
            for (PrintComponent c : {PrintComponent::cainiao, PrintComponent::pinduoduo,
                                     PrintComponent::douyin, PrintComponent::jd})
                if (component_code(c) == part.substr(0, eq)) urls[c] = part.substr(eq + 1);
        if (end == std::string::npos) break;
        at = end + 1;
    }
    return urls;
}

}  // namespace

std::shared_ptr<TaskProgress> start_waybill_job(AppContext& ctx, std::weak_ptr<void> alive,
                                                WaybillJob job,
                                                std::function<void(WaybillJobResult&)> done,
                                                std::function<void(const std::string&)> failed) {
    std::string path = ctx.db_path;
    const Clock& clock = *ctx.clock;
    Actor actor = ctx.actor;
    return ctx.tasks.start<WaybillJobResult>(
        std::move(alive),
        [path, &clock, actor, job](TaskProgress& progress) {
            Database db(path, clock, Database::Mode::existing);
            std::vector<Id> ids = ops::orders_named(db, job.subjects);
            WaybillJobResult r;
            if (job.fetch) {
                HttpClient http;
                r.fetched = ops::fetch_waybills(db, http, actor, ids, "", &progress);
            }
            if (job.print && !progress.cancel) {
                ops::WaybillPrintOptions options;
                options.component_urls = component_urls_from_environment();
                options.reprint = job.reprint;
                options.shop_note = ops::shop_name(db);
                r.printed = ops::print_waybills(db, actor, ids, options);
            }
            return r;
        },
        std::move(done), std::move(failed));
}

wxString describe_waybill_job(const WaybillJobResult& r) {
    wxString said, problem;
    if (r.fetched) {
        using O = ops::FetchedParcel::Outcome;
        const ops::WaybillFetchReport& f = *r.fetched;
        said = wxString::Format(_("%d numbers issued, %d parcels had one, %d refused, %d failed"),
                                f.count(O::issued), f.count(O::had_one), f.count(O::refused),
                                f.count(O::failed));
        for (const ops::FetchedParcel& p : f.parcels)
            if (problem.empty() && (p.outcome == O::refused || p.outcome == O::failed))
                problem = u8(p.order_no + " " + p.message);
    }
    if (r.printed) {
        const ops::WaybillPrintReport& p = *r.printed;
        if (!said.empty()) said += _("; ");
        said += wxString::Format(_("%d printed, %d failed, %d not sent"),
                                 p.count(DocumentState::printed), p.count(DocumentState::failed),
                                 p.skipped());
        for (const ops::PrintedWaybill& w : p.waybills)
            if (problem.empty() && w.state != DocumentState::printed && !w.message.empty())
                problem = u8(w.order_no + " " + w.message);
    }
    if (!problem.empty()) said += wxString::Format(_("; first problem: %s"), problem);
    return said;
}

}  // namespace dj::app
