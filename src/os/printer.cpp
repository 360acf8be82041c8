#include "os/printer.h"

#include "core/base/translate.h"

namespace dj::os {

Printer require_printer(const std::string& name) {
    std::vector<Printer> printers = list_printers();
    std::string names;
    for (const Printer& p : printers) {
        if (p.name == name) return p;
        names += (names.empty() ? "" : ", ") + p.name;
    }
    throw PrinterNotFound(
        trf("There is no printer {0} on this computer (printers: {1}): choose "
            "one of them, or add the printer in the system's printer settings",
            name, names.empty() ? tr("none is set up") : names));
}

}  // namespace dj::os
