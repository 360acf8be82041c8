#include <iostream>
#include <optional>
#include <tuple>

#include "cli/cli_context.h"
#include "core/base/clock.h"
#include "core/base/platform.h"
#include "core/base/translate.h"
#include "core/orders/order.h"
#include "ops/shop_queries.h"
#include "ops/stock_queries.h"

namespace dj::cli {

void add_dashboard_commands(CLI::App& app, Context& ctx) {
    app.add_subcommand("dashboard",
                       tr("The desktop dashboard's figures: orders to ship, stock levels"))
        ->callback([&ctx] {
            DashboardFigures f = ops::dashboard(ctx.db());
            Listing out({{"what", tr("Figure")}, {"count", tr("Count")}});
            // The window's tiles: the key stays for scripts, a person reads the tile's words.
            const std::tuple<const char*, std::string, long long> figures[] = {
                {"open_orders", tr("Waiting to ship"), f.open_orders},
                {"due_within_24h", tr("Due within 24 hours"), f.due_soon},
                {"overdue", tr("Overdue"), f.overdue},
                {"short_of_stock", tr("Orders short of stock"), f.short_orders},
                {"unmapped", tr("Items without a SKU"), f.unmapped_orders},
                {"refunds_to_intercept", tr("Refunds to intercept"), f.intercepts},
                {"on_hold", tr("On hold"), f.on_hold},
                {"skus_enough", tr("Stock enough (SKU x warehouse)"), f.skus_enough},
                {"skus_low", tr("Stock low (SKU x warehouse)"), f.skus_low},
                {"skus_out", tr("Out of stock (SKU x warehouse)"), f.skus_out}};
            for (const auto& [key, name, count] : figures)
                out.add({Cell::code(key, name), Cell::num(count)});
            for (const auto& t : f.today) {
                std::optional<Platform> p = platform_from_code(t.platform);
                std::optional<OrderStatus> s = order_status_from_code(t.status);
                out.add({Cell::code("today." + t.platform + "." + t.status,
                                    trf("Today: {0}, {1}", p ? platform_name(*p) : t.platform,
                                        s ? order_status_name(*s) : t.status)),
                         Cell::num(t.orders)});
            }
            ctx.print(out);
        });
}

}  // namespace dj::cli
