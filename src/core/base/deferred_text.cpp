#include "core/base/deferred_text.h"

#include <vector>

#include "core/base/translate.h"

namespace dj {
namespace {

// A piece is kOpen msgid (kNext argument)* kClose; arguments may hold pieces. The control
// characters never occur in text the program accepts (core/base/limits.h), so they cannot clash.
constexpr char kOpen = '\x1e';
constexpr char kNext = '\x1f';
constexpr char kClose = '\x1d';

// Renders the piece starting at `at` (on kOpen) and moves `at` past its kClose.
std::string render_piece(std::string_view s, std::size_t& at) {
    ++at;  // kOpen
    std::vector<std::string> parts(1);
    int depth = 0;
    for (; at < s.size(); ++at) {
        char c = s[at];
        if (c == kOpen) ++depth;
        if (c == kClose && depth-- == 0) break;
        if (c == kNext && depth == 0)
            parts.emplace_back();
        else
            parts.back() += c;
    }
    ++at;  // kClose
    std::vector<std::string> args;
    for (std::size_t i = 1; i < parts.size(); ++i)
        args.push_back(readable(parts[i]));
    std::string pattern = tr(parts[0].c_str());
    // format_message takes a list of views; messages have at most six arguments.
    std::vector<std::string_view> v(args.begin(), args.end());
    v.resize(6);
    return format_message(pattern, {v[0], v[1], v[2], v[3], v[4], v[5]});
}

}  // namespace

std::string deferred(const char* msgid, std::initializer_list<std::string_view> args) {
    std::string out(1, kOpen);
    out += msgid;
    for (std::string_view a : args) {
        out += kNext;
        out += a;
    }
    out += kClose;
    return out;
}

std::string readable(std::string_view stored) {
    if (stored.find(kOpen) == std::string_view::npos) return std::string(stored);
    std::string out;
    std::size_t at = 0;
    while (at < stored.size()) {
        if (stored[at] == kOpen)
            out += render_piece(stored, at);
        else
            out += stored[at++];
    }
    return out;
}

}  // namespace dj
