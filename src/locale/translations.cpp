#include "locale/translations.h"

#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>

#include "core/translate.h"

namespace dj {

void setup_language(const wxString& language) {
    // Catalogues sit beside the program (installed) or in the build tree (development).
    wxFileName exe(wxStandardPaths::Get().GetExecutablePath());
    for (const wxString& dir :
         {exe.GetPath() + "/locale", exe.GetPath() + "/../locale", exe.GetPath() + "/../../locale",
          exe.GetPath() + "/../share/dianjia/locale", wxString(DJ_LOCALE_DIR)})
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

}  // namespace dj
