#pragma once

#include <functional>
#include <memory>
#include <string>

namespace dj {

// One WebSocket client connection (text frames), the only door to websocketpp on the client
// side: websocketpp 0.8 does not build as C++20, so its two translation units are C++17 and
// nothing of it shows in this header. Messages and the close arrive on the connection's own
// thread.
class WsConnection {
  public:
    using MessageHandler = std::function<void(const std::string& text)>;
    using CloseHandler = std::function<void(const std::string& why)>;

    // Connects to `url` (ws://host:port[/path]) within `timeout_ms`; throws std::runtime_error
    // saying why it could not.
    WsConnection(const std::string& url, int timeout_ms, MessageHandler on_message,
                 CloseHandler on_close);
    ~WsConnection();
    WsConnection(const WsConnection&) = delete;
    WsConnection& operator=(const WsConnection&) = delete;

    // Throws std::runtime_error when the connection is closed.
    void send(const std::string& text);
    bool is_open() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// A WebSocket server on 127.0.0.1 for the loopback simulators of the print components: each
// connection has a number; messages arrive on the server's thread.
class WsServer {
  public:
    using MessageHandler = std::function<void(int connection, const std::string& text)>;

    explicit WsServer(MessageHandler on_message);
    ~WsServer();
    WsServer(const WsServer&) = delete;
    WsServer& operator=(const WsServer&) = delete;

    // Listens on `port` (0: any free one), serves on a thread of its own; returns the port.
    int start(int port);
    void stop();
    // False when the connection is gone.
    bool send(int connection, const std::string& text);
    // Drops the connection without a closing handshake, as a crashed component does.
    void drop(int connection);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace dj
