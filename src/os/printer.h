#pragma once

#include <string>
#include <vector>

#include "core/base/error.h"

namespace dj::os {

// A print queue of this computer, as the system's print service knows it.
struct Printer {
    std::string name;         // what print_pdf() takes
    std::string description;  // the service's description of it, may be empty
    bool is_default = false;  // the system's (or the user's) default printer
};

// The print service refused or could not be reached; what() names the printer and the file
// and says what to do.
class PrintError : public Error {
  public:
    using Error::Error;
};

// No printer of that name on this computer; what() lists the ones there are.
class PrinterNotFound : public PrintError {
  public:
    using PrintError::PrintError;
};

// The printers of this computer, sorted by name. Empty when there are none; PrintError when
// the print service cannot be asked.
std::vector<Printer> list_printers();

// The printer of that name; PrinterNotFound, listing the printers there are, when there is none.
// Shared by every platform, on top of list_printers().
Printer require_printer(const std::string& name);

// Queues a PDF file (UTF-8 path) on the named printer, `copies` times. Returns the print
// service's job number, or 0 when it gives none. Keep the file for a while: where another
// program renders the PDF (Windows) it may read the file after this returns. Throws
// PrinterNotFound or PrintError.
int print_pdf(const std::string& printer, const std::string& pdf_file, int copies = 1);

}  // namespace dj::os
