// E-waybills printed through loopback stand-ins of the four platforms' print components (real
// WebSocket): a wave over four platforms, a failed document, a connection dropped mid-task, a
// print killed midway, and reprints.

#include <boost/test/unit_test.hpp>
#include <map>
#include <memory>

#include "kill_cli.h"
#include "ops/print_waybills.h"
#include "simulator/component_simulator.h"
#include "store/fulfilment/waybill_repository.h"
#include "waybill_fixture.h"

using namespace dj;

namespace {

struct PrintFixture : test::WaybillFixture {
    std::map<PrintComponent, std::unique_ptr<ComponentSimulator>> components;
    PrintFixture() {
        for (PrintComponent c : {PrintComponent::cainiao, PrintComponent::pinduoduo,
                                 PrintComponent::douyin, PrintComponent::jd}) {
            components[c] = std::make_unique<ComponentSimulator>(c);
            components[c]->start(0);
        }
    }
    ComponentSimulator& component(PrintComponent c) { return *components.at(c); }
    ops::WaybillPrintOptions options(bool reprint = false) {
        ops::WaybillPrintOptions o;
        for (auto& [c, sim] : components)
            o.component_urls[c] = sim->url();
        o.reprint = reprint;
        o.wait_ms = 5000;
        return o;
    }
    ops::WaybillPrintReport print(const std::vector<Id>& ids, bool reprint = false) {
        return ops::print_waybills(*db, test::sync_actor(), ids, options(reprint));
    }
    // How often each document came out of a printer, over all components.
    std::map<std::string, int> printed_times() {
        std::map<std::string, int> times;
        for (auto& [c, sim] : components)
            for (const ComponentSimulator::Printed& p : sim->printed())
                ++times[p.document_id];
        return times;
    }
    std::int64_t journal(const std::string& where) {
        return count("SELECT count(*) FROM print_document WHERE " + where);
    }
    // Every document printed more than once has a reprint record for each extra print.
    void check_no_silent_reprint() {
        for (const auto& [doc, n] : printed_times())
            BOOST_TEST(journal("document_id = '" + doc + "' AND reprint = 1") >= n - 1, doc);
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(print_waybills, PrintFixture)

BOOST_AUTO_TEST_CASE(a_wave_of_200_over_four_platforms_prints_every_document_once) {
    std::vector<Id> ids = wave(200);
    BOOST_REQUIRE(fetch(ids).count(test::Outcome::issued) == 200);
    ops::WaybillPrintReport r = print(ids);
    BOOST_TEST(r.count(DocumentState::printed) == 200);
    BOOST_TEST(r.skipped() == 0);
    std::map<std::string, int> times = printed_times();
    BOOST_TEST(times.size() == 200u);
    for (const auto& [doc, n] : times)
        BOOST_TEST(n == 1, doc);
    for (auto& [c, sim] : components)
        BOOST_TEST(!sim->printed().empty(), component_code(c));
    BOOST_TEST(journal("state = 'printed'") == 200);
    BOOST_TEST(count("SELECT count(*) FROM print_task WHERE printer = 'Deli DL-888T'") == 200);
    // The platform's print data went out byte for byte, in each component's spelling.
    for (auto& [c, sim] : components)
        for (const ComponentSimulator::Printed& p : sim->printed()) {
            std::string stored = testing::SqlProbe(*db).text(
                "SELECT print_data FROM order_waybill WHERE tracking_no = '" + p.document_id + "'");
            if (c == PrintComponent::cainiao || c == PrintComponent::pinduoduo)
                BOOST_TEST(p.frame.find(stored) != std::string::npos, p.document_id);
            BOOST_TEST(p.frame.find("SIMENC:") != std::string::npos);
        }
    for (const ops::ParcelWaybill& w : ops::parcel_waybills(*db, ids))
        BOOST_TEST(w.printed);
    // Printed once: a second run prints nothing without --reprint.
    ops::WaybillPrintReport again = print(ids);
    BOOST_TEST(again.skipped() == 200);
    BOOST_TEST(printed_times().size() == 200u);
    check_no_silent_reprint();
}

// Each component's printers are listed; the one chosen for a component on this workstation is
// where its documents go, the others print to their component's default.
BOOST_AUTO_TEST_CASE(the_printer_chosen_per_component_and_workstation_is_used) {
    std::map<PrintComponent, std::string> urls;
    for (auto& [c, sim] : components)
        urls[c] = sim->url();
    std::vector<ops::ComponentFound> found =
        ops::probe_print_components(*db, test::sync_actor(), urls);
    BOOST_REQUIRE(found.size() == 4u);
    for (const ops::ComponentFound& f : found) {
        BOOST_TEST(f.found, f.problem);
        BOOST_TEST(f.printers.size() == 2u);
    }
    ops::choose_component_printer(*db, test::sync_actor(), PrintComponent::jd, "HPRT N31");
    Actor other{"packer2", "packer", "bench-2"};
    ops::choose_component_printer(*db, other, PrintComponent::cainiao, "HPRT N31");
    std::vector<Id> ids = wave(40);
    fetch(ids);
    print(ids);
    for (auto& [c, sim] : components)
        for (const ComponentSimulator::Printed& p : sim->printed())
            BOOST_TEST(p.printer == (c == PrintComponent::jd ? "HPRT N31" : "Deli DL-888T"),
                       component_code(c));
    BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'print.printer'") == 2);
}

BOOST_AUTO_TEST_CASE(a_failed_document_is_listed_and_printed_from_there) {
    std::vector<Id> ids = wave(12);
    fetch(ids);
    std::string bad = find_waybill(*db, ids.front())->tracking_no;
    for (auto& [c, sim] : components)
        sim->fail_document(bad, "打印机缺纸");
    ops::WaybillPrintReport r = print(ids);
    BOOST_TEST(r.count(DocumentState::failed) == 1);
    BOOST_TEST(r.count(DocumentState::printed) == 11);
    std::vector<PrintJournalRow> failed = ops::print_journal(*db, {}, true);
    BOOST_REQUIRE(failed.size() == 1u);
    BOOST_TEST(failed.front().document_id == bad);
    BOOST_TEST(failed.front().message.find("打印机缺纸") != std::string::npos);
    // The one list of failed prints (the window's 打单发货 "Failed prints") has it.
    std::vector<Id> failed_orders = ops::failed_print_orders(*db);
    BOOST_REQUIRE(failed_orders.size() == 1u);
    BOOST_TEST(find_waybill(*db, failed_orders.front())->tracking_no == bad);
    // A failed document never printed: printing it again is no reprint.
    ops::WaybillPrintReport retry = print(failed_orders);
    BOOST_TEST(retry.count(DocumentState::printed) == 1);
    BOOST_TEST(!retry.waybills.front().reprint);
    BOOST_TEST(journal("document_id = '" + bad + "'") == 2);
    BOOST_TEST(ops::failed_print_orders(*db).empty());
    check_no_silent_reprint();
}

BOOST_AUTO_TEST_CASE(a_dropped_connection_mid_task_neither_loses_nor_double_prints) {
    std::vector<Id> ids = wave(40);
    fetch(ids);
    // Each component prints its first task and then goes away before saying so.
    for (auto& [c, sim] : components)
        sim->drop_after_print(1);
    ops::WaybillPrintReport first = print(ids);
    // The Cainiao-style components are asked after reconnecting: their first task printed.
    // JD keeps no tasks: its first document stays without a final word.
    BOOST_TEST(first.count(DocumentState::printed) >= 3);
    BOOST_TEST(journal("state = 'sent'") == 1);
    Id unsure = count("SELECT order_id FROM print_document WHERE state = 'sent'");
    ops::WaybillPrintReport second = print(ids);
    BOOST_TEST(second.count(DocumentState::printed) ==
               40 - first.count(DocumentState::printed) - 1);
    BOOST_TEST(second.skipped() == first.count(DocumentState::printed) + 1);
    // The one JD may have printed is printed again only as a reprint.
    ops::WaybillPrintReport third = print({unsure}, true);
    BOOST_TEST(third.count(DocumentState::printed) == 1);
    BOOST_TEST(third.waybills.front().reprint);
    std::map<std::string, int> times = printed_times();
    BOOST_TEST(times.size() == 40u);
    int twice = 0;
    for (const auto& [doc, n] : times) {
        BOOST_TEST(n <= 2, doc);
        twice += n == 2;
    }
    BOOST_TEST(twice == 1);
    check_no_silent_reprint();
    BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'waybill.reprint'") ==
               journal("reprint = 1"));
}

// `dianjia-cli print waybills` killed (SIGKILL) while printing Taobao's parcels: the next run
// asks the component what became of the task in flight and prints each parcel exactly once.
BOOST_AUTO_TEST_CASE(a_print_killed_midway_prints_each_parcel_once_next_time) {
    std::vector<Id> ids = wave(200);
    fetch(ids);
    std::vector<std::string> args{"--db",        db_path(),
                                  "print",       "waybills",
                                  "--component", component(PrintComponent::cainiao).url()};
    std::vector<Id> taobao;
    for (Id id : ids)
        if (count("SELECT count(*) FROM shop_order o JOIN shop_store s ON s.id = o.store_id "
                  "WHERE s.platform = 'taobao' AND o.id = " +
                  std::to_string(id)) == 1) {
            taobao.push_back(id);
            args.push_back("#" + std::to_string(id));
        }
    BOOST_REQUIRE(taobao.size() >= 20u);
    BOOST_TEST(test::kill_cli_when(
        args, [&] { return component(PrintComponent::cainiao).printed().size() >= 7; }));
    std::size_t before = component(PrintComponent::cainiao).printed().size();
    BOOST_TEST(before < taobao.size());
    open();
    ops::WaybillPrintReport r = print(taobao);
    BOOST_TEST(r.count(DocumentState::printed) + r.skipped() == static_cast<int>(taobao.size()));
    std::map<std::string, int> times = printed_times();
    BOOST_TEST(times.size() == taobao.size());
    for (const auto& [doc, n] : times)
        BOOST_TEST(n == 1, doc);
    BOOST_TEST(journal("reprint = 1") == 0);
    BOOST_TEST(count("SELECT count(DISTINCT document_id) FROM print_document WHERE state = "
                     "'printed'") == static_cast<std::int64_t>(taobao.size()));
}

BOOST_AUTO_TEST_SUITE_END()
