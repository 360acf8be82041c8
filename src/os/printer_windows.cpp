// Printing on Windows. The spooler lists the printers; but Windows itself cannot print a PDF:
// the job must be rendered by a PDF program. The one honest way that works on a stock PC with
// such a program is the shell's "printto" verb, which the PDF program registers (SumatraPDF,
// Adobe Acrobat Reader, Foxit do; Microsoft Edge does not). Sending the PDF RAW to the spooler
// would print garbage on every printer without a PDF interpreter, label printers included.
#include <windows.h>
// windows.h first: these need its types.
#include <shellapi.h>
#include <shlwapi.h>
#include <winspool.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "core/base/translate.h"
#include "os/printer.h"
#include "os/utf8_path.h"
#include "os/wide_text.h"

namespace dj::os {

namespace {

std::string windows_error(DWORD code) {
    wchar_t* text = nullptr;
    DWORD n = FormatMessageW(
        FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
        nullptr, code, 0, reinterpret_cast<wchar_t*>(&text), 0, nullptr);
    std::wstring message(text ? text : L"", n);
    LocalFree(text);
    while (!message.empty() && (message.back() == L'\n' || message.back() == L'\r' ||
                                message.back() == L' ' || message.back() == L'.'))
        message.pop_back();
    return message.empty() ? "error " + std::to_string(code) : utf8_from_wide(message);
}

std::wstring default_printer() {
    DWORD size = 0;
    GetDefaultPrinterW(nullptr, &size);
    if (size == 0) return {};
    std::wstring name(size, L'\0');
    if (!GetDefaultPrinterW(name.data(), &size)) return {};
    name.resize(wcslen(name.c_str()));
    return name;
}

// The command line the PDF program registered for "printto", empty when there is none.
std::wstring printto_command() {
    DWORD size = 0;
    if (AssocQueryStringW(ASSOCF_NOTRUNCATE, ASSOCSTR_COMMAND, L".pdf", L"printto", nullptr,
                          &size) != S_FALSE ||
        size == 0)
        return {};
    std::wstring command(size, L'\0');
    if (FAILED(AssocQueryStringW(ASSOCF_NOTRUNCATE, ASSOCSTR_COMMAND, L".pdf", L"printto",
                                 command.data(), &size)))
        return {};
    command.resize(wcslen(command.c_str()));
    return command;
}

}  // namespace

std::vector<Printer> list_printers() {
    const DWORD flags = PRINTER_ENUM_LOCAL | PRINTER_ENUM_CONNECTIONS;
    DWORD needed = 0;
    DWORD count = 0;
    EnumPrintersW(flags, nullptr, 2, nullptr, 0, &needed, &count);
    std::vector<BYTE> buffer(needed);
    if (needed > 0 && !EnumPrintersW(flags, nullptr, 2, buffer.data(), needed, &needed, &count))
        throw PrintError(
            trf("Cannot ask the Windows print spooler for its printers ({0}): start the Print "
                "Spooler service",
                windows_error(GetLastError())));
    std::wstring fallback = default_printer();
    std::vector<Printer> printers;
    const auto* info = reinterpret_cast<const PRINTER_INFO_2W*>(buffer.data());
    for (DWORD i = 0; i < count; ++i) {
        const PRINTER_INFO_2W& p = info[i];
        std::wstring name = p.pPrinterName ? p.pPrinterName : L"";
        std::wstring description = p.pComment && *p.pComment ? p.pComment
                                   : p.pDriverName           ? p.pDriverName
                                                             : L"";
        printers.push_back(Printer{utf8_from_wide(name), utf8_from_wide(description),
                                   (p.Attributes & PRINTER_ATTRIBUTE_DEFAULT) != 0 ||
                                       (!fallback.empty() && name == fallback)});
    }
    std::sort(printers.begin(), printers.end(),
              [](const Printer& a, const Printer& b) { return a.name < b.name; });
    return printers;
}

int print_pdf(const std::string& printer, const std::string& pdf_file, int copies) {
    std::error_code ec;
    std::filesystem::path file = utf8_path(pdf_file);
    if (!std::filesystem::is_regular_file(file, ec))
        throw PrintError(trf("Cannot print {0} on {1}: the file does not exist or is not a file",
                             pdf_file, printer));
    if (copies < 1)
        throw PrintError(trf("Cannot print {0} on {1}: the number of copies must be 1 or more",
                             pdf_file, printer));
    require_printer(printer);
    if (printto_command().empty())
        throw PrintError(
            trf("Cannot print {0} on {1}: no PDF program on this computer prints to a named "
                "printer (Microsoft Edge cannot). Install SumatraPDF or Adobe Acrobat Reader, "
                "or open the file and print it from there",
                pdf_file, printer));

    std::wstring wide_file = std::filesystem::absolute(file, ec).wstring();
    std::wstring parameters = L"\"" + wide_from_utf8(printer) + L"\"";
    // printto has no copies argument: one job per copy.
    for (int i = 0; i < copies; ++i) {
        SHELLEXECUTEINFOW run{};
        run.cbSize = sizeof run;
        run.fMask = SEE_MASK_FLAG_NO_UI | SEE_MASK_NOASYNC;
        run.lpVerb = L"printto";
        run.lpFile = wide_file.c_str();
        run.lpParameters = parameters.c_str();
        run.nShow = SW_HIDE;
        if (!ShellExecuteExW(&run))
            throw PrintError(
                trf("The printer {0} did not take {1} ({2}): check that the "
                    "printer is on and accepting jobs, then print again",
                    printer, pdf_file, windows_error(GetLastError())));
    }
    // The PDF program queues the job itself; its number is not known here.
    return 0;
}

}  // namespace dj::os
