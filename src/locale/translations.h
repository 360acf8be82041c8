#pragma once

#include <wx/string.h>

namespace dj {

// Chooses the interface language ("" follows the system; "zh_CN" or "en"), loads the gettext
// catalogue and hands lookups to the core's tr() as well. English is the fallback. Needs wxBase
// initialised (wxApp, or a wxInitializer in a console program).
void setup_language(const wxString& language);

}  // namespace dj
