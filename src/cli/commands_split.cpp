#include <iostream>

#include "cli/cli_context.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "ops/order_parcels.h"
#include "ops/order_queries.h"
#include "ops/shop_queries.h"
#include "ops/shop_setup.h"

namespace dj::cli {
namespace {

// The parts as they stand after the change: where each ships from and whether it can.
void print_parts(Context& ctx, const std::vector<Id>& ids) {
    Listing list({{"order_id", tr("Platform order")},
                  {"warehouse", tr("Warehouse")},
                  {"allocation", tr("Stock")},
                  {"hold_reason", tr("Hold")}});
    for (Id id : ids) {
        std::optional<ops::OrderDetails> d = ops::order_details(ctx.db(), ctx.actor(), id);
        if (!d) continue;
        list.add(
            {Cell::str(d->order.platform_order_id),
             d->warehouse ? Cell::str(d->warehouse->code) : Cell::str(""),
             Cell::code(allocation_code(d->order.allocation), allocation_name(d->order.allocation)),
             d->holds.empty() ? Cell::none() : Cell::str(d->holds.front().reason)});
    }
    ctx.print(list);
}

}  // namespace

void add_split_commands(CLI::App& app, Context& ctx) {
    auto* order = app.get_subcommand("order");
    auto* split = order->add_subcommand(
        "split", tr("Split an order one warehouse cannot serve into parts by availability"));
    auto split_id = std::make_shared<std::string>();
    split->add_option("ORDER_ID", *split_id, tr("Platform order id or #local number"))->required();
    split->callback([&ctx, split_id] {
        Database& db = ctx.db();
        Id id = order_by_id(db, *split_id);
        std::vector<Id> parts = ops::split_order(db, ctx.actor(), id);
        if (!ctx.json)
            std::cout << trf("Order {0} split into {1} parts", *split_id,
                             std::to_string(parts.size()))
                      << "\n";
        print_parts(ctx, parts);
    });

    auto* unsplit = order->add_subcommand(
        "unsplit", tr("Put a split order's parts back together (until a part is packed)"));
    auto unsplit_id = std::make_shared<std::string>();
    unsplit->add_option("ORDER_ID", *unsplit_id, tr("The original or any part"))->required();
    unsplit->callback([&ctx, unsplit_id] {
        Database& db = ctx.db();
        Id id = order_by_id(db, *unsplit_id);
        Id original = ops::unsplit_order(db, ctx.actor(), id);
        if (!ctx.json) std::cout << trf("Order {0} is whole again", *unsplit_id) << "\n";
        print_parts(ctx, {original});
    });

    auto* store = app.get_subcommand("store");
    auto* set = store->add_subcommand("set", tr("Change a store's settings"));
    auto store_args = std::make_shared<std::pair<std::string, std::string>>();
    set->add_option("CODE", store_args->first, tr("Store code or name"))->required();
    set->add_option("--split", store_args->second,
                    tr("An order no single warehouse can serve: split it, or hold it"))
        ->check(CLI::IsMember({"split", "hold"}))
        ->required();
    set->callback([&ctx, store_args] {
        ops::set_store_split_policy(ctx.db(), ctx.actor(), store_args->first,
                                    parse_split_policy(store_args->second));
        std::cout << trf("Store {0}: orders one warehouse cannot serve are now {1}",
                         store_args->first,
                         store_args->second == "split" ? tr("split") : tr("held"))
                  << "\n";
    });
}

}  // namespace dj::cli
