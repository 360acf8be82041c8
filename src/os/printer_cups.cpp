// Printing through libcups rather than running lp/lpstat: no shell quoting of Chinese file
// names, the job number and the service's own error text come back directly, and the printer
// list does not depend on the locale of lpstat's output.
#include <cups/cups.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <system_error>

#include "core/base/translate.h"
#include "os/printer.h"
#include "os/utf8_path.h"

namespace dj::os {

namespace {

struct Dests {
    int count = 0;
    cups_dest_t* list = nullptr;
    Dests() { count = cupsGetDests2(CUPS_HTTP_DEFAULT, &list); }
    ~Dests() { cupsFreeDests(count, list); }
    Dests(const Dests&) = delete;
    Dests& operator=(const Dests&) = delete;
};

std::string cups_error() {
    const char* text = cupsLastErrorString();
    return text && *text ? text : tr("no reason given");
}

// With no queues CUPS answers "not found"; any other failure means it could not be asked.
void check_service_answered(const Dests& dests) {
    if (dests.count > 0) return;
    ipp_status_t status = cupsLastError();
    if (status <= IPP_STATUS_OK_EVENTS_COMPLETE || status == IPP_STATUS_ERROR_NOT_FOUND) return;
    throw PrintError(
        trf("Cannot ask the print service CUPS for its printers ({0}): start it "
            "(systemctl start cups) or check the CUPS_SERVER setting",
            cups_error()));
}

}  // namespace

std::vector<Printer> list_printers() {
    Dests dests;
    check_service_answered(dests);
    std::vector<Printer> printers;
    for (int i = 0; i < dests.count; ++i) {
        const cups_dest_t& d = dests.list[i];
        // Instances are saved option sets of a queue, not printers of their own.
        if (d.instance) continue;
        const char* info = cupsGetOption("printer-info", d.num_options, d.options);
        printers.push_back(Printer{d.name, info ? info : "", d.is_default != 0});
    }
    std::sort(printers.begin(), printers.end(),
              [](const Printer& a, const Printer& b) { return a.name < b.name; });
    return printers;
}

int print_pdf(const std::string& printer, const std::string& pdf_file, int copies) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(utf8_path(pdf_file), ec))
        throw PrintError(trf("Cannot print {0} on {1}: the file does not exist or is not a file",
                             pdf_file, printer));
    if (copies < 1)
        throw PrintError(trf("Cannot print {0} on {1}: the number of copies must be 1 or more",
                             pdf_file, printer));
    try {
        require_printer(printer);
    } catch (const PrinterNotFound&) {
        throw;
    } catch (const PrintError& e) {
        throw PrintError(trf("Cannot print {0} on {1}: {2}", pdf_file, printer, e.what()));
    }
    cups_option_t* options = nullptr;
    int option_count = cupsAddOption("copies", std::to_string(copies).c_str(), 0, &options);
    std::string title = utf8_string(utf8_path(pdf_file).filename());
    int job = cupsPrintFile2(CUPS_HTTP_DEFAULT, printer.c_str(), pdf_file.c_str(), title.c_str(),
                             option_count, options);
    cupsFreeOptions(option_count, options);
    if (job == 0)
        throw PrintError(
            trf("The printer {0} did not take {1} ({2}): check that the printer is "
                "on and accepting jobs, then print again",
                printer, pdf_file, cups_error()));
    return job;
}

}  // namespace dj::os
