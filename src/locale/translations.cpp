#include "locale/translations.h"

#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>

#ifdef __WXGTK__
#include <libintl.h>

#include <clocale>
#include <cstdlib>
#include <filesystem>
#endif

#include "core/base/translate.h"

namespace dj {

void setup_language(const wxString& language) {
    // Catalogues sit beside the program (installed) or in the build tree (development). A
    // Windows program reads only its own: the folder above an unpacked zip may be anyone's.
    wxFileName exe(wxStandardPaths::Get().GetExecutablePath());
    const wxString dirs[] = {exe.GetPath() + "/locale",
#ifndef _WIN32
                             exe.GetPath() + "/../locale", exe.GetPath() + "/../../locale",
                             exe.GetPath() + "/../share/dianjia/locale", wxString(DJ_LOCALE_DIR)
#endif
    };
    for (const wxString& dir : dirs)
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(dir);

    auto* translations = new wxTranslations;
    wxTranslations::Set(translations);
    if (!language.empty()) translations->SetLanguage(language);

    translations->AddStdCatalog();
    translations->AddCatalog("dianjia");
    set_translator([](const char* msgid) {
        return std::string(wxGetTranslation(wxString::FromUTF8(msgid)).utf8_str());
    });
}

#ifdef __WXGTK__
void prepare_toolkit_language(const std::string& language) {
    // GTK's own words (OK, Cancel in its dialogs) come from gettext, which follows LANGUAGE in
    // any locale but "C"; GLib translates them only when the program's own gettext domain is
    // translated too, and decides that once, at its first lookup: hence before GTK starts.
    if (!language.empty()) setenv("LANGUAGE", language.c_str(), 1);
    // wxGTK keeps GTK from setting the locale; messages alone follow the environment (numbers
    // keep the C conventions the program parses with), and never the plain "C" locale.
    const char* messages = setlocale(LC_MESSAGES, "");
    if (!messages || std::string(messages) == "C") setlocale(LC_MESSAGES, "C.UTF-8");
    std::error_code ec;
    std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec).parent_path();
    for (const std::filesystem::path& dir :
         {exe / "locale", exe / "../locale", exe / "../../locale", exe / "../share/dianjia/locale",
          std::filesystem::path(DJ_LOCALE_DIR)})
        if (std::filesystem::exists(dir / "zh_CN/LC_MESSAGES/dianjia.mo", ec)) {
            bindtextdomain("dianjia", dir.c_str());
            bind_textdomain_codeset("dianjia", "UTF-8");
            textdomain("dianjia");
            return;
        }
}
#endif

}  // namespace dj
