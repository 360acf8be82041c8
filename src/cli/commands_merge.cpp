#include <iostream>

#include "cli/cli_context.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/joined.h"
#include "core/translate.h"
#include "store/order_merge.h"
#include "store/order_repository.h"

namespace dj::cli {
namespace {

std::string order_number(Database& db, Id id) {
    std::optional<Order> o = OrderRepository(db).find(id);
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
        WriteTransaction tx(db);
        MergedParcel parcel = OrderMerger(db, ctx.actor()).merge(ids, ctx.clock().now());
        tx.commit();
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
        WriteTransaction tx(db);
        std::vector<std::string> out = OrderMerger(db, ctx.actor()).unmerge(id);
        tx.commit();
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
        WriteTransaction tx(db);
        OrderMerger merger(db, ctx.actor());
        Listing out({{"group", tr("Group")},
                     {"orders", tr("Orders")},
                     {"count", tr("Count")},
                     {"parcel", tr("Parcel")},
                     {"note", tr("Note")}});
        int group = 0;
        for (const std::vector<Id>& ids : merger.mergeable()) {
            std::string json = "[", text;
            for (Id id : ids) {
                std::string no = order_number(db, id);
                json += (json.size() > 1 ? ", " : "") + json_quote(no);
                text += (text.empty() ? "" : " ") + no;
            }
            json += "]";
            std::string parcel, note;
            // One group that cannot merge (two waybills, say) does not stop the others.
            if (*apply) try {
                    parcel = merger.merge(ids, ctx.clock().now()).head_no;
                } catch (const InvalidInput& e) {
                    note = e.what();
                }
            out.add({Cell::num(++group), Cell::raw_json(json, text),
                     Cell::num(static_cast<std::int64_t>(ids.size())),
                     parcel.empty() ? Cell::none() : Cell::str(parcel),
                     note.empty() ? Cell::none() : Cell::str(note)});
        }
        tx.commit();
        ctx.print(out);
    });
}

}  // namespace dj::cli
