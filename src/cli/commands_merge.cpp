#include <iostream>

#include "cli/cli_context.h"
#include "core/base/error.h"
#include "core/base/joined.h"
#include "core/base/translate.h"
#include "ops/order_parcels.h"
#include "ops/order_queries.h"

namespace dj::cli {
namespace {

std::string order_number(Database& db, const Actor& actor, Id id) {
    std::optional<Order> o = ops::find_order_by_id(db, actor, id);
    return o ? o->platform_order_id : "#" + std::to_string(id);
}

}  // namespace

void add_merge_commands(CLI::App& app, Context& ctx) {
    auto* order = app.get_subcommand("order");
    auto* merge = order->add_subcommand(
        "merge", tr("Ship orders to the same receiver in one parcel under one waybill"));
    auto merge_ids = std::make_shared<std::vector<std::string>>();
    merge
        ->add_option("ORDER_ID", *merge_ids, tr("Two or more platform order ids or #local numbers"))
        ->required();
    merge->callback([&ctx, merge_ids] {
        Database& db = ctx.db();
        std::vector<Id> ids;
        for (const std::string& o : *merge_ids)
            ids.push_back(order_by_id(db, o));
        MergedParcel parcel = ops::merge_orders(db, ctx.actor(), ids);
        std::cout << trf("One parcel under order {0}: {1}", parcel.head_no,
                         joined(parcel.order_nos))
                  << "\n";
        if (!parcel.released_waybills.empty())
            std::cout << trf("Cancel these waybills with the carrier, the parcel does not use "
                             "them: {0}",
                             joined(parcel.released_waybills))
                      << "\n";
    });

    auto* unmerge = order->add_subcommand(
        "unmerge", tr("Take an order out of its parcel (named by the parcel's first order: "
                      "every order ships on its own again); refused once packed"));
    auto unmerge_id = std::make_shared<std::string>();
    unmerge->add_option("ORDER_ID", *unmerge_id, tr("Platform order id or #local number"))
        ->required();
    unmerge->callback([&ctx, unmerge_id] {
        Database& db = ctx.db();
        Id id = order_by_id(db, *unmerge_id);
        std::vector<std::string> out = ops::unmerge_order(db, ctx.actor(), id);
        std::cout << trf("Ship on their own again: {0}", joined(out)) << "\n";
    });

    auto* orders = app.get_subcommand("orders");
    auto* mergeable = orders->add_subcommand(
        "mergeable", tr("Waiting orders of one store to the same receiver that could ship as one "
                        "parcel"));
    auto apply = std::make_shared<bool>(false);
    mergeable->add_flag("--merge", *apply, tr("Merge every group listed"));
    mergeable->callback([&ctx, apply] {
        Database& db = ctx.db();
        Listing out({{"group", tr("Group")},
                     {"orders", tr("Orders")},
                     {"count", tr("Count")},
                     {"parcel", tr("Parcel")},
                     {"note", tr("Note")}});
        int group = 0;
        for (const ops::MergeGroup& g : ops::mergeable_orders(db, ctx.actor(), *apply)) {
            std::string json = "[", text;
            for (Id id : g.orders) {
                std::string no = order_number(db, ctx.actor(), id);
                json += (json.size() > 1 ? ", " : "") + json_quote(no);
                text += (text.empty() ? "" : " ") + no;
            }
            json += "]";
            out.add({Cell::num(++group), Cell::raw_json(json, text),
                     Cell::num(static_cast<std::int64_t>(g.orders.size())),
                     g.parcel ? Cell::str(g.parcel->head_no) : Cell::none(),
                     g.refusal.empty() ? Cell::none() : Cell::str(g.refusal)});
        }
        ctx.print(out);
    });
}

}  // namespace dj::cli
