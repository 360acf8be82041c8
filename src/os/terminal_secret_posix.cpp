#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "os/terminal_secret.h"

namespace dj::os {

std::optional<std::string> ask_secret(const std::string& prompt) {
    if (!isatty(STDIN_FILENO)) return std::nullopt;
    std::cerr << prompt << std::flush;
    termios shown{};
    tcgetattr(STDIN_FILENO, &shown);
    termios hidden = shown;
    hidden.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden);
    std::string line;
    const bool read = static_cast<bool>(std::getline(std::cin, line));
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &shown);
    std::cerr << "\n";
    if (!read) return std::nullopt;
    return line;
}

}  // namespace dj::os
