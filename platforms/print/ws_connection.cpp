// websocketpp over standalone asio, compiled as C++17 (see ws_connection.h).
#include "print/ws_connection.h"

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>
#include <websocketpp/client.hpp>
#include <websocketpp/config/asio_no_tls.hpp>
#include <websocketpp/config/asio_no_tls_client.hpp>
#include <websocketpp/server.hpp>

namespace dj {

namespace {

using Client = websocketpp::client<websocketpp::config::asio_client>;
using Server = websocketpp::server<websocketpp::config::asio>;

}  // namespace

struct WsConnection::Impl {
    Client client;
    websocketpp::connection_hdl handle;
    std::thread thread;
    std::mutex mutex;
    std::condition_variable changed;
    enum class State { connecting, open, closed } state = State::connecting;
    std::string why;
};

WsConnection::WsConnection(const std::string& url, int timeout_ms, MessageHandler on_message,
                           CloseHandler on_close)
    : impl_(std::make_unique<Impl>()) {
    Impl& d = *impl_;
    d.client.clear_access_channels(websocketpp::log::alevel::all);
    d.client.clear_error_channels(websocketpp::log::elevel::all);
    d.client.init_asio();
    d.client.set_open_handshake_timeout(timeout_ms);
    d.client.set_open_handler([&d](websocketpp::connection_hdl) {
        std::lock_guard lock(d.mutex);
        d.state = Impl::State::open;
        d.changed.notify_all();
    });
    auto closed = [&d, on_close](websocketpp::connection_hdl h) {
        std::string why;
        std::error_code ec;
        if (auto c = d.client.get_con_from_hdl(h, ec)) why = c->get_ec().message();
        bool was_open = false;
        {
            std::lock_guard lock(d.mutex);
            was_open = d.state == Impl::State::open;
            d.state = Impl::State::closed;
            d.why = why;
            d.changed.notify_all();
        }
        if (was_open && on_close) on_close(why);
    };
    d.client.set_fail_handler(closed);
    d.client.set_close_handler(closed);
    d.client.set_message_handler([on_message](websocketpp::connection_hdl, Client::message_ptr m) {
        if (on_message) on_message(m->get_payload());
    });
    std::error_code ec;
    Client::connection_ptr con = d.client.get_connection(url, ec);
    if (ec) throw std::runtime_error(url + ": " + ec.message());
    d.handle = con->get_handle();
    d.client.connect(con);
    d.thread = std::thread([&d] { d.client.run(); });
    std::unique_lock lock(d.mutex);
    d.changed.wait_for(lock, std::chrono::milliseconds(timeout_ms + 200),
                       [&d] { return d.state != Impl::State::connecting; });
    if (d.state != Impl::State::open) {
        std::string why = d.why.empty() ? "timed out" : d.why;
        lock.unlock();
        d.client.stop();
        d.thread.join();
        throw std::runtime_error(url + ": " + why);
    }
}

WsConnection::~WsConnection() {
    Impl& d = *impl_;
    // The connection is closed on its own thread: websocketpp's connections are not to be
    // handled from two threads at once.
    bool open = is_open();
    asio::post(d.client.get_io_service(), [&d, open] {
        std::error_code ec;
        if (open) d.client.close(d.handle, websocketpp::close::status::normal, "", ec);
        d.client.stop();
    });
    if (d.thread.joinable()) d.thread.join();
}

void WsConnection::send(const std::string& text) {
    std::error_code ec;
    impl_->client.send(impl_->handle, text, websocketpp::frame::opcode::text, ec);
    if (ec) throw std::runtime_error(ec.message());
}

bool WsConnection::is_open() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->state == Impl::State::open;
}

struct WsServer::Impl {
    Server server;
    std::thread thread;
    std::mutex mutex;
    std::map<int, websocketpp::connection_hdl> connections;
    std::map<websocketpp::connection_hdl, int, std::owner_less<websocketpp::connection_hdl>> ids;
    int next = 0;
    bool running = false;
};

WsServer::WsServer(MessageHandler on_message) : impl_(std::make_unique<Impl>()) {
    Impl& d = *impl_;
    d.server.clear_access_channels(websocketpp::log::alevel::all);
    d.server.clear_error_channels(websocketpp::log::elevel::all);
    d.server.init_asio();
    d.server.set_reuse_addr(true);
    d.server.set_open_handler([&d](websocketpp::connection_hdl h) {
        std::lock_guard lock(d.mutex);
        d.ids[h] = ++d.next;
        d.connections[d.next] = h;
    });
    d.server.set_close_handler([&d](websocketpp::connection_hdl h) {
        std::lock_guard lock(d.mutex);
        auto it = d.ids.find(h);
        if (it == d.ids.end()) return;
        d.connections.erase(it->second);
        d.ids.erase(it);
    });
    d.server.set_message_handler(
        [&d, on_message](websocketpp::connection_hdl h, Server::message_ptr m) {
            int id = 0;
            {
                std::lock_guard lock(d.mutex);
                auto it = d.ids.find(h);
                if (it != d.ids.end()) id = it->second;
            }
            if (id && on_message) on_message(id, m->get_payload());
        });
}

WsServer::~WsServer() {
    stop();
}

int WsServer::start(int port) {
    Impl& d = *impl_;
    std::error_code ec;
    d.server.listen(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"),
                                            static_cast<unsigned short>(port)),
                    ec);
    if (ec) throw std::runtime_error("127.0.0.1:" + std::to_string(port) + ": " + ec.message());
    d.server.start_accept();
    int bound = d.server.get_local_endpoint(ec).port();
    d.running = true;
    d.thread = std::thread([&d] { d.server.run(); });
    return bound;
}

void WsServer::stop() {
    Impl& d = *impl_;
    if (!d.running) return;
    d.running = false;
    // Everything on the server's own thread, which then ends: connections are not to be handled
    // from two threads at once. Terminating calls the close handler, which takes the lock:
    // collect first.
    asio::post(d.server.get_io_service(), [&d] {
        std::error_code ec;
        d.server.stop_listening(ec);
        std::vector<websocketpp::connection_hdl> open;
        {
            std::lock_guard lock(d.mutex);
            for (auto& [id, h] : d.connections)
                open.push_back(h);
        }
        for (websocketpp::connection_hdl& h : open)
            if (auto c = d.server.get_con_from_hdl(h, ec)) c->terminate(ec);
        d.server.stop();
    });
    if (d.thread.joinable()) d.thread.join();
}

bool WsServer::send(int connection, const std::string& text) {
    Impl& d = *impl_;
    websocketpp::connection_hdl h;
    {
        std::lock_guard lock(d.mutex);
        auto it = d.connections.find(connection);
        if (it == d.connections.end()) return false;
        h = it->second;
    }
    std::error_code ec;
    d.server.send(h, text, websocketpp::frame::opcode::text, ec);
    return !ec;
}

void WsServer::drop(int connection) {
    Impl& d = *impl_;
    websocketpp::connection_hdl h;
    {
        std::lock_guard lock(d.mutex);
        auto it = d.connections.find(connection);
        if (it == d.connections.end()) return;
        h = it->second;
    }
    asio::post(d.server.get_io_service(), [&d, h] {
        std::error_code ec;
        if (auto c = d.server.get_con_from_hdl(h, ec)) c->terminate(ec);
    });
}

}  // namespace dj
