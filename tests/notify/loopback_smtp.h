// A mail server on 127.0.0.1 for the mail tests: speaks enough ESMTP for libcurl (EHLO, AUTH
// PLAIN and LOGIN, MAIL FROM, RCPT TO, DATA, RSET, QUIT), records every message and answers
// with scripted replies where a test asks for a failure.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace dj::test {

inline std::string base64_decode(const std::string& text) {
    static const std::string alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned value = 0;
    int bits = 0;
    for (char c : text) {
        std::size_t v = alphabet.find(c);
        if (v == std::string::npos) continue;  // padding, line breaks
        value = value << 6 | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>(value >> bits & 0xFF);
        }
    }
    return out;
}

struct ReceivedMail {
    std::string mechanism;  // AUTH mechanism used, empty without a login
    std::string user, password;
    std::string mail_from;
    std::vector<std::string> rcpt_to;
    std::string data;            // as sent, dot-stuffing removed, CRLF line ends
    std::string answer = "250";  // the reply the end of DATA got
};

class LoopbackSmtp {
  public:
    // `mechanisms`: what EHLO offers after "AUTH" ("PLAIN LOGIN"; empty: no AUTH at all).
    explicit LoopbackSmtp(std::string mechanisms = "PLAIN LOGIN",
                          std::string user = "shop@example.com",
                          std::string password = "app-code-1")
        : mechanisms_(std::move(mechanisms)),
          user_(std::move(user)),
          password_(std::move(password)) {
        listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
        int yes = 1;
        ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        ::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
        ::listen(listener_, 8);
        socklen_t len = sizeof addr;
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
        port_ = ntohs(addr.sin_port);
        thread_ = std::thread([this] { serve(); });
    }
    ~LoopbackSmtp() {
        stop_ = true;
        thread_.join();
        ::close(listener_);
    }
    LoopbackSmtp(const LoopbackSmtp&) = delete;
    LoopbackSmtp& operator=(const LoopbackSmtp&) = delete;

    int port() const { return port_; }
    std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

    // The next answer to this command ("MAIL", "RCPT", "DATA" meaning the end of the data),
    // e.g. "554 5.7.1 Message rejected"; used once, then the command succeeds again.
    void reply(const std::string& command, const std::string& line) {
        std::lock_guard lock(mutex_);
        scripted_[command].push_back(line);
    }
    std::vector<ReceivedMail> received() {
        std::lock_guard lock(mutex_);
        return received_;
    }
    int connections() const { return connections_; }

  private:
    struct Connection {
        int fd;
        std::string buffer;
        bool open = true;

        void send(const std::string& text) {
            if (::send(fd, text.data(), text.size(), MSG_NOSIGNAL) < 0) open = false;
        }
        // One line without its CRLF; false when the client went away.
        bool read_line(std::string& line) {
            for (;;) {
                std::size_t eol = buffer.find("\r\n");
                if (eol != std::string::npos) {
                    line = buffer.substr(0, eol);
                    buffer.erase(0, eol + 2);
                    return true;
                }
                pollfd p{fd, POLLIN, 0};
                if (::poll(&p, 1, 5000) <= 0) return false;
                char chunk[4096];
                ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
                if (n <= 0) return false;
                buffer.append(chunk, static_cast<std::size_t>(n));
            }
        }
    };

    std::string scripted(const std::string& command, const std::string& fallback) {
        std::lock_guard lock(mutex_);
        auto& queue = scripted_[command];
        if (queue.empty()) return fallback;
        std::string line = queue.front();
        queue.pop_front();
        return line;
    }

    void serve() {
        while (!stop_) {
            pollfd p{listener_, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0) continue;
            int fd = ::accept(listener_, nullptr, nullptr);
            if (fd < 0) continue;
            ++connections_;
            talk(Connection{fd, {}, true});
            ::close(fd);
        }
    }

    bool authenticate(Connection& c, const std::string& args, ReceivedMail& mail) {
        std::size_t space = args.find(' ');
        std::string mechanism = args.substr(0, space);
        std::string initial = space == std::string::npos ? "" : args.substr(space + 1);
        std::string user, password;
        if (mechanism == "PLAIN") {
            if (initial.empty()) {
                c.send("334 \r\n");
                if (!c.read_line(initial)) return false;
            }
            std::string decoded = base64_decode(initial);  // authzid \0 user \0 password
            std::size_t first = decoded.find('\0');
            std::size_t second = decoded.find('\0', first + 1);
            if (first == std::string::npos || second == std::string::npos) return false;
            user = decoded.substr(first + 1, second - first - 1);
            password = decoded.substr(second + 1);
        } else if (mechanism == "LOGIN") {
            std::string u = initial, pw;
            if (u.empty()) {
                c.send("334 VXNlcm5hbWU6\r\n");  // "Username:"
                if (!c.read_line(u)) return false;
            }
            c.send("334 UGFzc3dvcmQ6\r\n");  // "Password:"
            if (!c.read_line(pw)) return false;
            user = base64_decode(u);
            password = base64_decode(pw);
        } else {
            c.send("504 5.5.4 Unrecognized authentication type\r\n");
            return false;
        }
        mail.mechanism = mechanism;
        mail.user = user;
        mail.password = password;
        return user == user_ && password == password_;
    }

    void talk(Connection c) {
        c.send("220 loopback ESMTP test server\r\n");
        ReceivedMail mail;
        std::string line;
        while (c.open && !stop_ && c.read_line(line)) {
            std::string verb = line.substr(0, line.find(' '));
            for (char& ch : verb)
                ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            std::string args = line.size() > verb.size() ? line.substr(verb.size() + 1) : "";
            if (verb == "EHLO" || verb == "HELO") {
                std::string answer = "250-loopback\r\n";
                if (!mechanisms_.empty()) answer += "250-AUTH " + mechanisms_ + "\r\n";
                c.send(answer + "250 8BITMIME\r\n");
            } else if (verb == "AUTH") {
                if (authenticate(c, args, mail))
                    c.send("235 2.7.0 Authentication successful\r\n");
                else
                    c.send("535 5.7.8 Authentication credentials invalid\r\n");
            } else if (verb == "MAIL") {
                mail.mail_from = args;
                c.send(scripted("MAIL", "250 2.1.0 Ok") + "\r\n");
            } else if (verb == "RCPT") {
                mail.rcpt_to.push_back(args);
                c.send(scripted("RCPT", "250 2.1.5 Ok") + "\r\n");
            } else if (verb == "DATA") {
                c.send("354 End data with <CR><LF>.<CR><LF>\r\n");
                std::string data;
                while (c.read_line(line) && line != ".")
                    data += (line.rfind("..", 0) == 0 ? line.substr(1) : line) + "\r\n";
                mail.data = data;
                mail.answer = scripted("DATA", "250 2.0.0 Ok: queued");
                {
                    std::lock_guard lock(mutex_);
                    received_.push_back(mail);
                }
                c.send(mail.answer + "\r\n");
                mail = ReceivedMail{mail.mechanism, mail.user, mail.password, {}, {}, {}, "250"};
            } else if (verb == "RSET" || verb == "NOOP") {
                c.send("250 2.0.0 Ok\r\n");
            } else if (verb == "QUIT") {
                c.send("221 2.0.0 Bye\r\n");
                return;
            } else {
                c.send("502 5.5.2 Command not recognized\r\n");
            }
        }
    }

    std::string mechanisms_, user_, password_;
    int listener_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::atomic<int> connections_{0};
    std::thread thread_;
    std::mutex mutex_;
    std::map<std::string, std::deque<std::string>> scripted_;
    std::vector<ReceivedMail> received_;
};

}  // namespace dj::test
