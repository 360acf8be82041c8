// Every adapter against the simulator over real HTTP on 127.0.0.1.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <set>

#include "adapter_registry.h"
#include "core/base/clock.h"
#include "platform_error.h"
#include "simulator/platform_simulator.h"
#include "test_clock.h"

using namespace dj;

namespace {

const Platform kAll[] = {Platform::taobao, Platform::jd, Platform::pinduoduo, Platform::douyin};

HttpOptions fast_options() {
    HttpOptions o;
    o.timeout_ms = 400;
    o.max_attempts = 3;
    o.backoff_ms = 5;
    o.max_backoff_ms = 20;
    return o;
}

struct SimFixture {
    PlatformSimulator sim{test::fixed_clock(), [] {
                              SimulatorOptions o;
                              o.orders = 80;
                              o.stall_ms = 700;
                              return o;
                          }()};
    HttpClient http{fast_options()};
    SimFixture() { sim.start(0); }

    StoreConnection connection(Platform p, std::string secret = "sim-secret") {
        StoreConnection c;
        c.store_code = "test";
        c.platform = p;
        c.app_key = "sim-app";
        c.app_secret = std::move(secret);
        c.token = "sim-token";
        c.endpoint = sim.endpoint();
        return c;
    }
    // A window the platform accepts that holds all recent orders.
    TimeWindow window(Platform p) {
        Timestamp now = test::kNow;
        return {now - (p == Platform::pinduoduo ? 1800 : 86400) + 1, now};
    }
    std::vector<Order> pull(Platform p, const TimeWindow& w, int* pages = nullptr) {
        auto adapter = make_adapter(connection(p), http);
        std::vector<Order> all;
        adapter->pull_window(w, [&](std::vector<Order>&& page) {
            if (pages) ++*pages;
            for (Order& o : page)
                all.push_back(std::move(o));
        });
        return all;
    }
    void put_orders(Platform p, int count, Timestamp modified) {
        sim.with_shop([&](SimShop& shop) {
            shop.clear();
            for (int i = 0; i < count; ++i) {
                Order o;
                o.platform_order_id = p == Platform::pinduoduo
                                          ? "241124-" + std::to_string(i)
                                          : std::to_string(9007199254740993LL + i);
                o.status = OrderStatus::to_ship;
                o.created_at = modified - 100;
                o.paid_at = modified - 50;
                o.modified_at = modified;
                o.receiver = {"欧阳**", "138****0000", "浙江省", "杭州市", "西湖区", "文三路***号"};
                o.seller_memo = "加急 \"易碎\" <礼盒>";
                o.lines.push_back({0, "5000000000101", "TEA-0001", "西湖龙井", 2, 1999});
                o.paid_amount = 3998;
                shop.put(p, o);
            }
            return 0;
        });
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(adapters, SimFixture)

BOOST_AUTO_TEST_CASE(each_platform_pulls_exactly_what_the_platform_holds) {
    for (Platform p : kAll) {
        BOOST_TEST_CONTEXT(platform_code(p)) {
            TimeWindow w = window(p);
            std::vector<Order> pulled = pull(p, w);
            std::vector<Order> expected = sim.with_shop([&](SimShop& shop) {
                std::vector<Order> out;
                for (const Order* o : shop.modified_between(p, w.start, w.end, false))
                    out.push_back(*o);
                return out;
            });
            BOOST_TEST(pulled.size() == expected.size());
            std::map<std::string, Order> by_id;
            for (const Order& o : pulled)
                by_id[o.platform_order_id] = o;
            for (const Order& e : expected) {
                BOOST_REQUIRE(by_id.count(e.platform_order_id));
                const Order& o = by_id[e.platform_order_id];
                BOOST_TEST(order_status_code(o.status) == order_status_code(e.status));
                BOOST_TEST(o.paid_amount == e.paid_amount);
                BOOST_TEST(o.freight == e.freight);
                BOOST_TEST(o.modified_at == e.modified_at);
                BOOST_TEST(o.seller_memo == e.seller_memo);
                BOOST_TEST(o.receiver.name == e.receiver.name);
                BOOST_TEST(o.receiver.address == e.receiver.address);
                BOOST_TEST(same_lines(o.lines, e.lines));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(ids_beyond_2_pow_53_and_chinese_text_survive) {
    Timestamp now = test::kNow;
    for (Platform p : kAll) {
        BOOST_TEST_CONTEXT(platform_code(p)) {
            put_orders(p, 1, now - 60);
            std::vector<Order> got = pull(p, {now - 600, now});
            BOOST_REQUIRE(got.size() == 1u);
            if (p != Platform::pinduoduo)
                BOOST_TEST(got[0].platform_order_id == "9007199254740993");
            BOOST_TEST(got[0].receiver.name == "欧阳**");
            BOOST_TEST(got[0].seller_memo == "加急 \"易碎\" <礼盒>");
            BOOST_TEST(got[0].lines.at(0).title == "西湖龙井");
            BOOST_TEST(got[0].lines.at(0).unit_price == 1999);
        }
    }
}

BOOST_AUTO_TEST_CASE(paging_edges_0_100_101) {
    Timestamp now = test::kNow;
    for (Platform p : kAll) {
        for (int count : {0, 100, 101}) {
            BOOST_TEST_CONTEXT(platform_code(p) << " " << count) {
                put_orders(p, count, now - 60);
                int pages = 0;
                std::vector<Order> got = pull(p, {now - 600, now}, &pages);
                std::set<std::string> ids;
                for (const Order& o : got)
                    ids.insert(o.platform_order_id);
                BOOST_TEST(got.size() == static_cast<std::size_t>(count));
                BOOST_TEST(ids.size() == static_cast<std::size_t>(count));
                BOOST_TEST(pages == (count <= 100 ? 1 : 2));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(retryable_faults_are_retried_and_lose_nothing) {
    for (Platform p : kAll) {
        for (SimFault f : {SimFault::http_500, SimFault::throttle, SimFault::timeout}) {
            BOOST_TEST_CONTEXT(platform_code(p) << " fault " << static_cast<int>(f)) {
                TimeWindow w = window(p);
                std::size_t clean = pull(p, w).size();
                sim.inject(f, 1, p);
                BOOST_TEST(pull(p, w).size() == clean);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(final_faults_map_to_typed_errors) {
    for (Platform p : kAll) {
        BOOST_TEST_CONTEXT(platform_code(p)) {
            TimeWindow w = window(p);
            sim.inject(SimFault::malformed_json, 1, p);
            BOOST_CHECK_THROW(pull(p, w), MalformedResponse);
            sim.inject(SimFault::expired_token, 1, p);
            BOOST_CHECK_THROW(pull(p, w), AuthorizationExpired);
            sim.inject(SimFault::http_500, 3, p);
            BOOST_CHECK_THROW(pull(p, w), PlatformUnavailable);
            sim.inject(SimFault::throttle, 3, p);
            BOOST_CHECK_THROW(pull(p, w), PlatformThrottled);
            auto wrong = make_adapter(connection(p, "wrong-secret"), http);
            BOOST_CHECK_THROW(wrong->pull_window(w, [](std::vector<Order>&&) {}),
                              PlatformConfigError);
            // Every error names its store, once: "Store test (taobao) ...".
            sim.inject(SimFault::malformed_json, 1, p);
            try {
                pull(p, w);
                BOOST_FAIL("a cut answer was accepted");
            } catch (const PlatformError& e) {
                std::string text = e.what();
                std::string store = "Store test (" + std::string(platform_code(p)) + ")";
                BOOST_TEST(text.find(store) == 0u, text);
                BOOST_TEST(text.find(store, 1) == std::string::npos, text);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(windows_longer_than_the_platform_allows_are_refused) {
    Timestamp now = test::kNow;
    BOOST_CHECK_THROW(pull(Platform::taobao, {now - 2 * 86400, now}), PlatformError);
    BOOST_CHECK_THROW(pull(Platform::pinduoduo, {now - 3600, now}), PlatformError);
    for (Platform p : kAll) {
        auto adapter = make_adapter(connection(p), http);
        BOOST_TEST(adapter->max_window_seconds() <= 86400);
    }
}

BOOST_AUTO_TEST_CASE(shipments_and_stock_reach_the_platform) {
    for (Platform p : kAll) {
        BOOST_TEST_CONTEXT(platform_code(p)) {
            std::string id = sim.with_shop(
                [&](SimShop& shop) { return shop.orders(p).at(0).platform_order_id; });
            auto adapter = make_adapter(connection(p), http);
            adapter->confirm_shipment({id, "ZTO", "ZT123456789"});
            adapter->push_stock({"5000000000101", 17});
            BOOST_TEST(!adapter->list_carriers().empty());
            auto [ship, stock] = sim.with_shop([&](SimShop& shop) {
                return std::make_pair(shop.shipments().back(), shop.stock_pushes().back());
            });
            BOOST_TEST(ship.order_id == id);
            BOOST_TEST(ship.tracking_no == "ZT123456789");
            BOOST_TEST(stock.sku == "5000000000101");
            BOOST_TEST(stock.quantity == 17);
        }
    }
}

// E-waybills in each platform's wire format: accounts (where the platform lists them), numbers
// in batches, the same number for the same object id, per-parcel refusals, giving numbers back.
BOOST_AUTO_TEST_CASE(e_waybill_numbers_come_once_per_object_id_and_go_back) {
    for (Platform p : kAll) {
        BOOST_TEST_CONTEXT(platform_code(p)) {
            auto adapter = make_adapter(connection(p), http);
            std::vector<CarrierAccount> accounts = adapter->list_carrier_accounts();
            CarrierAccount account;
            if (p == Platform::jd) {
                BOOST_TEST(accounts.empty());  // entered by hand
                account.carrier = "ZTO";
                account.platform_code = "ZTO";
                account.branch_code = "571001";
            } else {
                BOOST_REQUIRE(accounts.size() == 3u);
                account = accounts.front();
                BOOST_TEST(account.from_platform);
                BOOST_TEST(account.sender.city == "杭州市");
                BOOST_TEST(account.branch_code == "571001");
            }
            BOOST_TEST(account.carrier == "ZTO");
            account.sender.name = "店家仓库";
            account.sender.phone = "13800000000";
            if (account.sender.province.empty())
                account.sender = {"店家仓库", "13800000000", "浙江省",
                                  "杭州市",   "余杭区",      "文一西路969号"};

            auto [waiting, not_waiting] = sim.with_shop([&](SimShop& shop) {
                std::vector<std::string> to_ship;
                std::string done;
                for (const Order& o : shop.orders(p)) {
                    if (o.status == OrderStatus::to_ship) to_ship.push_back(o.platform_order_id);
                    else done = o.platform_order_id;
                }
                return std::make_pair(to_ship, done);
            });
            BOOST_REQUIRE(waiting.size() >= 3u);
            BOOST_REQUIRE(!not_waiting.empty());
            std::size_t batch = std::min<std::size_t>(adapter->waybill_batch_limit(), 3);
            std::vector<WaybillRequest> parcels;
            for (std::size_t i = 0; i < batch; ++i)
                parcels.push_back({"T" + std::to_string(i), {waiting[i]}, {}, {{"绿茶", 2}}});
            std::vector<IssuedWaybill> got = adapter->fetch_waybills(account, parcels);
            BOOST_REQUIRE(got.size() == batch);
            for (const IssuedWaybill& w : got) {
                BOOST_TEST(w.refusal.empty());
                BOOST_TEST(!w.tracking_no.empty());
                // Print data as the platform sent it: the number and the object id inside.
                BOOST_TEST(w.print_data.find(w.tracking_no) != std::string::npos);
                BOOST_TEST(w.print_data.find("SIMENC:" + std::string(platform_code(p))) !=
                           std::string::npos);
            }
            // Asked again with the same object id (a lost answer): the same number.
            std::vector<IssuedWaybill> again = adapter->fetch_waybills(account, {parcels.front()});
            BOOST_REQUIRE(again.size() == 1u);
            BOOST_TEST(again.front().tracking_no == got.front().tracking_no);
            std::size_t issued = sim.with_shop([&](SimShop& shop) {
                return static_cast<std::size_t>(
                    std::count_if(shop.waybills().begin(), shop.waybills().end(),
                                  [&](const SimWaybill& w) { return w.platform == p; }));
            });
            BOOST_TEST(issued == batch);

            // An order not waiting to ship gets no number: refused for that parcel (Douyin, JD) or the
            // whole call (Taobao, Pinduoduo: one parcel a call then).
            WaybillRequest late{"LATE", {not_waiting}, {}, {}};
            if (p == Platform::douyin || p == Platform::jd) {
                std::vector<IssuedWaybill> refused = adapter->fetch_waybills(account, {late});
                BOOST_REQUIRE(refused.size() == 1u);
                BOOST_TEST(refused.front().refusal.find("不允许取号") != std::string::npos);
            } else {
                BOOST_CHECK_THROW(adapter->fetch_waybills(account, {late}), PlatformError);
            }

            adapter->cancel_waybill(account, got.front().tracking_no);
            BOOST_TEST(sim.with_shop([&](SimShop& shop) {
                for (const SimWaybill& w : shop.waybills())
                    if (w.tracking_no == got.front().tracking_no) return w.cancelled;
                return false;
            }));
            BOOST_CHECK_THROW(adapter->cancel_waybill(account, got.front().tracking_no),
                              PlatformError);
        }
    }
}

BOOST_AUTO_TEST_CASE(request_log_never_holds_secrets) {
    std::vector<std::string> lines;
    HttpClient logged(fast_options(), [&](const std::string& l) { lines.push_back(l); });
    for (Platform p : kAll)
        make_adapter(connection(p), logged)->pull_window(window(p), [](std::vector<Order>&&) {});
    BOOST_TEST(!lines.empty());
    for (const std::string& l : lines) {
        BOOST_TEST(l.find("sim-token") == std::string::npos);
        BOOST_TEST(l.find("sim-secret") == std::string::npos);
    }
    BOOST_TEST(redact_secrets("http://h/p?a=1&access_token=abc&sign=XYZ") ==
               "http://h/p?a=1&access_token=***&sign=***");
}

namespace {

// Sends `request` as is to 127.0.0.1:port and returns the whole answer (the server closes).
std::string raw_http(int port, const std::string& request) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in at{};
    at.sin_family = AF_INET;
    at.sin_port = htons(static_cast<std::uint16_t>(port));
    at.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&at), sizeof at) != 0) return "no connection";
    ::send(fd, request.data(), request.size(), 0);
    std::string answer;
    char buffer[4096];
    for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;)
        answer.append(buffer, static_cast<std::size_t>(n));
    ::close(fd);
    return answer;
}

int port_of(const std::string& endpoint) {
    return std::stoi(endpoint.substr(endpoint.rfind(':') + 1));
}

}  // namespace

BOOST_AUTO_TEST_CASE(control_calls_work_as_curl_sends_them_and_calls_are_logged) {
    // `curl -X POST URL` sends no body and no Content-Length.
    int port = port_of(sim.endpoint());
    std::string answer =
        raw_http(port,
                 "POST /sim/fault?kind=http_500&times=1&platform=jd HTTP/1.1\r\nHost: x\r\n"
                 "User-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n");
    BOOST_TEST(answer.rfind("HTTP/1.1 200", 0) == 0, answer);
    answer = raw_http(port, "POST /sim/change?count=3 HTTP/1.1\r\nHost: x\r\n\r\n");
    BOOST_TEST(answer.rfind("HTTP/1.1 200", 0) == 0, answer);
    answer = raw_http(port, "POST /sim/fault?kind=nonsense HTTP/1.1\r\nHost: x\r\n\r\n");
    BOOST_TEST(answer.find("400") != std::string::npos);
    BOOST_TEST(answer.find("Unknown fault nonsense") != std::string::npos, answer);

    // The fault reaches JD's next call (retried by the client), and the log shows both.
    BOOST_TEST(!pull(Platform::jd, window(Platform::jd)).empty());
    std::vector<PlatformSimulator::Call> calls = sim.calls();
    BOOST_TEST_REQUIRE(calls.size() >= 2u);
    BOOST_TEST(calls[0].result == "http_500");
    BOOST_TEST(calls[0].http_status == 500);
    BOOST_TEST(calls[1].api == "jingdong.pop.order.enSearch");
    answer = raw_http(port, "GET /sim/calls HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    BOOST_TEST(answer.find("\"result\": \"http_500\"") != std::string::npos, answer);
}

BOOST_AUTO_TEST_SUITE_END()
