#include "app/print_task.h"

#include <wx/intl.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <system_error>

#include "core/base/clock.h"
#include "os/printer.h"
#include "os/utf8_path.h"
#include "store/base/data_dir.h"

namespace dj::app {
namespace {

// Printed PDFs stay a week in the user data folder: the print service (or on Windows the PDF
// program) may read them after print_pdf returns, and a packer can reprint from there.
std::filesystem::path print_folder() {
    namespace fs = std::filesystem;
    fs::path dir = os::utf8_path(user_data_dir()) / "print";
    std::error_code ec;
    fs::create_directories(dir, ec);
    auto week_ago = fs::file_time_type::clock::now() - std::chrono::hours(24 * 7);
    for (const fs::directory_entry& e : fs::directory_iterator(dir, ec))
        if (e.is_regular_file(ec) && e.last_write_time(ec) < week_ago) fs::remove(e.path(), ec);
    return dir;
}

}  // namespace

wxString print_on_chosen_printer(AppContext& ctx, std::weak_ptr<void> alive, PrintDocument document,
                                 const std::string& name, RenderPdf render,
                                 std::function<void(PrintSent&)> done,
                                 std::function<void(const std::string&)> failed) {
    std::optional<std::string> printer = ops::chosen_printer(*ctx.db, document);
    if (!printer)
        return document == PrintDocument::label
                   ? _("No printer is chosen for waybill labels: choose one in Settings, "
                       "Printers.")
                   : _("No printer is chosen for A4 documents (pick sheets, packing lists): "
                       "choose one in Settings, Printers.");
    std::string path = ctx.db_path;
    const Clock& clock = *ctx.clock;
    ctx.tasks.start<PrintSent>(
        std::move(alive),
        [path, &clock, name, printer = *printer, render = std::move(render)](TaskProgress&) {
            static std::atomic<int> sequence{0};
            std::string file = name + "-" + std::to_string(clock.now()) + "-" +
                               std::to_string(++sequence) + ".pdf";
            std::string pdf = os::utf8_string(print_folder() / os::utf8_path(file));
            {
                Database db(path, clock, Database::Mode::existing);
                render(db, pdf);
            }
            return PrintSent{printer, os::print_pdf(printer, pdf)};
        },
        std::move(done), std::move(failed));
    return {};
}

}  // namespace dj::app
