#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "os/private_file.h"
#include "os/utf8_path.h"

namespace dj::os {

void write_private_file(const std::string& path, const std::string& bytes) {
    namespace fs = std::filesystem;
    fs::path target = utf8_path(path);
    std::error_code ec;
    if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
    fs::path temp = target;
    temp += ".new";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << bytes;
        if (!out) throw std::runtime_error(path + ": cannot be written");
    }
    fs::rename(temp, target, ec);
    if (ec) throw std::runtime_error(path + ": " + ec.message());
}

void make_private(const std::string&) {}

}  // namespace dj::os
