// report month-end / valuation / turnover / abc and period close / reopen / list.
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/cli_context.h"
#include "core/base/clock.h"
#include "core/base/money.h"
#include "core/base/translate.h"
#include "ops/periods.h"
#include "ops/shop_queries.h"
#include "ops/stock_queries.h"
#include "reports/stock_report_document.h"

namespace dj::cli {
namespace {

struct ReportArgs {
    std::string period, from, to, at, warehouse, out, shop;
};

Cell to_cell(const reports::ReportColumn& column, const reports::ReportCell& cell) {
    if (cell.blank) return Cell::none();
    switch (column.kind) {
        case reports::ColumnKind::text:
            return Cell::str(cell.text);
        case reports::ColumnKind::qty:
            return Cell::num(cell.number);
        case reports::ColumnKind::money:
            return Cell::yuan(cell.number);
        case reports::ColumnKind::decimal: {
            std::string text = reports::cell_text(column, cell);
            return Cell::raw_json(text, text);
        }
        case reports::ColumnKind::flag:
            return Cell::raw_json(cell.number ? "true" : "false", reports::cell_text(column, cell));
    }
    return Cell::none();
}

// JSON: the detail rows only (an array of objects); a table also shows totals and the summary.
void print_document(Context& ctx, const reports::ReportDocument& doc) {
    std::vector<Column> columns;
    for (const reports::ReportColumn& c : doc.columns)
        columns.push_back({c.key, c.header});
    Listing out(columns);
    auto add = [&](const std::vector<reports::ReportRow>& rows) {
        for (const reports::ReportRow& r : rows) {
            std::vector<Cell> cells;
            for (std::size_t i = 0; i < doc.columns.size(); ++i)
                cells.push_back(to_cell(doc.columns[i], r[i]));
            out.add(std::move(cells));
        }
    };
    for (const reports::ReportSection& s : doc.sections) {
        add(s.rows);
        if (!ctx.json) add(s.totals);
    }
    if (!ctx.json) {
        add(doc.summary.rows);
        add(doc.summary.totals);
    }
    ctx.print(out);
}

reports::ReportMeta meta(Context& ctx, const ReportArgs& a) {
    reports::ReportMeta m;
    m.shop = a.shop.empty() ? ops::shop_name(ctx.db()) : a.shop;
    m.generated_at = ctx.clock().now();
    if (!a.warehouse.empty()) m.warehouse = ops::require_warehouse(ctx.db(), a.warehouse).id;
    return m;
}

void emit(Context& ctx, const ReportArgs& a, const reports::ReportDocument& doc) {
    if (a.out.empty()) return print_document(ctx, doc);
    reports::write_report(doc, a.out);
    std::size_t rows = 0;
    for (const reports::ReportSection& s : doc.sections)
        rows += s.rows.size();
    std::cout << trf("Wrote {0} ({1} rows)", a.out, std::to_string(rows)) << "\n";
}

Period range_or_month(const ReportArgs& a) {
    if (!a.period.empty()) {
        if (!a.from.empty() || !a.to.empty())
            throw InvalidInput(
                tr("Give either --period YYYY-MM or --from DATE --to DATE, not both"));
        return month_period(a.period, "--period");
    }
    if (a.from.empty() || a.to.empty())
        throw InvalidInput(tr("Give --period YYYY-MM, or both --from DATE and --to DATE"));
    return date_range_period(a.from, a.to);
}

void output_options(CLI::App* cmd, ReportArgs& a) {
    cmd->add_option("--out,-o", a.out, tr("Write to a file instead: F.pdf, F.xlsx or F.csv"));
    cmd->add_option("--shop-name", a.shop,
                    tr("Shop name printed on the report (default: the shop's name, shop set "
                       "--name)"));
}

}  // namespace

void add_report_commands(CLI::App& app, Context& ctx) {
    auto* report = app.add_subcommand("report", tr("Month-end and stock analysis reports"))
                       ->require_subcommand(1);
    auto a = std::make_shared<ReportArgs>();

    auto* month_end = report->add_subcommand(
        "month-end", tr("Opening, in, out and closing per SKU and warehouse, quantity and value"));
    month_end->add_option("--period", a->period, tr("Calendar month YYYY-MM (shop time)"));
    month_end->add_option("--from", a->from, tr("Or a date range: first day YYYY-MM-DD"));
    month_end->add_option("--to", a->to, tr("Last day YYYY-MM-DD (included)"));
    month_end->add_option("--warehouse,-w", a->warehouse, tr("Only this warehouse"));
    output_options(month_end, *a);
    month_end->callback([&ctx, a] {
        StockReport r = ops::stock_report(ctx.db(), ctx.actor(), range_or_month(*a));
        emit(ctx, *a, reports::month_end_document(r, ops::report_names(ctx.db()), meta(ctx, *a)));
    });

    auto* valuation =
        report->add_subcommand("valuation", tr("Stock quantity and value at the end of a day"));
    valuation->add_option("--at", a->at, tr("Date YYYY-MM-DD (shop time, end of that day)"))
        ->required();
    valuation->add_option("--warehouse,-w", a->warehouse, tr("Only this warehouse"));
    output_options(valuation, *a);
    valuation->callback([&ctx, a] {
        std::string day = parse_date(a->at, "--at");
        StockReport r = ops::stock_report(ctx.db(), ctx.actor(), date_range_period(day, day));
        emit(ctx, *a, reports::valuation_document(r, ops::report_names(ctx.db()), meta(ctx, *a)));
    });

    auto range_command = [&](const char* name, const std::string& help) {
        auto* cmd = report->add_subcommand(name, help);
        cmd->add_option("--from", a->from, tr("First day YYYY-MM-DD"))->required();
        cmd->add_option("--to", a->to, tr("Last day YYYY-MM-DD (included)"))->required();
        output_options(cmd, *a);
        return cmd;
    };
    range_command("turnover",
                  tr("Turnover (COGS ÷ average stock value), days of cover, slow movers"))
        ->callback([&ctx, a] {
            StockReport r =
                ops::stock_report(ctx.db(), ctx.actor(), date_range_period(a->from, a->to));
            emit(ctx, *a,
                 reports::turnover_document(r, ops::report_names(ctx.db()), meta(ctx, *a)));
        });
    range_command("abc", tr("ABC classes by shipped value (A 80 %, B 15 %, C the rest)"))
        ->callback([&ctx, a] {
            StockReport r =
                ops::stock_report(ctx.db(), ctx.actor(), date_range_period(a->from, a->to));
            emit(ctx, *a, reports::abc_document(r, ops::report_names(ctx.db()), meta(ctx, *a)));
        });

    auto* period = app.add_subcommand("period", tr("Close and reopen accounting months"))
                       ->require_subcommand(1);
    auto month = std::make_shared<std::pair<std::string, std::string>>();  // month, reason
    auto* close = period->add_subcommand(
        "close", tr("Store the month's closing snapshot and lock every movement up to its end"));
    close->add_option("MONTH", month->first, tr("YYYY-MM"))->required();
    close->callback([&ctx, month] {
        ClosedPeriod p = ops::close_period(ctx.db(), ctx.actor(), month->first);
        std::cout << trf("Closed {0}: movements dated before {1} are now refused.", p.month,
                         format_shop_time(p.end))
                  << "\n";
    });
    auto* reopen = period->add_subcommand(
        "reopen", tr("Reopen a closed month (and every later closed month), with a reason"));
    reopen->add_option("MONTH", month->first, tr("YYYY-MM"))->required();
    reopen->add_option("--reason", month->second, tr("Why (kept in the audit log)"))->required();
    reopen->callback([&ctx, month] {
        std::vector<std::string> reopened =
            ops::reopen_period(ctx.db(), ctx.actor(), month->first, month->second);
        std::string list;
        for (const std::string& m : reopened)
            list += (list.empty() ? "" : ", ") + m;
        std::cout << trf("Reopened {0}; close them again to rebuild their snapshots.", list)
                  << "\n";
    });
    period->add_subcommand("list", tr("Months with movements or closed, and their state"))
        ->callback([&ctx] {
            std::vector<ClosedPeriod> closed = ops::closed_periods(ctx.db());
            std::vector<std::string> months = ops::ledger_months(ctx.db());
            for (const ClosedPeriod& p : closed)
                months.push_back(p.month);
            std::sort(months.begin(), months.end());
            months.erase(std::unique(months.begin(), months.end()), months.end());
            Listing out({{"month", tr("Month")},
                         {"state", tr("State")},
                         {"closed_at", tr("Closed at")},
                         {"closed_by", tr("Closed by")}});
            // Closing a month locks everything before its end, closed or not.
            std::string boundary = closed.empty() ? std::string() : closed.back().month;
            for (const std::string& m : months) {
                auto it = std::find_if(closed.begin(), closed.end(),
                                       [&](const ClosedPeriod& p) { return p.month == m; });
                if (it == closed.end())
                    out.add({Cell::str(m),
                             m < boundary
                                 ? Cell::code("locked", tr("Locked (a later month is closed)"))
                                 : Cell::code("open", tr("Not closed")),
                             Cell::none(), Cell::none()});
                else
                    out.add({Cell::str(m), Cell::code("closed", tr("Month closed")),
                             Cell::str(format_shop_time(it->closed_at)), Cell::str(it->closed_by)});
            }
            ctx.print(out);
        });
}

}  // namespace dj::cli
