#include <iostream>

#include "cli/cli_context.h"
#include "core/base/clock.h"
#include "core/base/translate.h"
#include "ops/shop_queries.h"
#include "ops/stock_queries.h"

namespace dj::cli {

void add_dashboard_commands(CLI::App& app, Context& ctx) {
    app.add_subcommand("dashboard",
                       tr("The desktop dashboard's figures: orders to ship, stock levels"))
        ->callback([&ctx] {
            DashboardFigures f = ops::dashboard(ctx.db());
            Listing out({{"what", tr("Figure")}, {"count", tr("Count")}});
            const std::pair<const char*, long long> figures[] = {
                {"open_orders", f.open_orders},  {"due_within_24h", f.due_soon},
                {"overdue", f.overdue},          {"short_of_stock", f.short_orders},
                {"unmapped", f.unmapped_orders}, {"refunds_to_intercept", f.intercepts},
                {"on_hold", f.on_hold},          {"skus_enough", f.skus_enough},
                {"skus_low", f.skus_low},        {"skus_out", f.skus_out}};
            for (const auto& [name, count] : figures)
                out.add({Cell::str(name), Cell::num(count)});
            for (const auto& t : f.today)
                out.add({Cell::str("today." + t.platform + "." + t.status), Cell::num(t.orders)});
            ctx.print(out);
        });
}

}  // namespace dj::cli
