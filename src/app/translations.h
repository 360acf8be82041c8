#pragma once

#include <wx/string.h>

namespace dj::app {

// Chooses the interface language ("" follows the system; "zh_CN" or "en"), loads the gettext
// catalogue and hands lookups to the core's tr() as well. English is the fallback.
void setup_language(const wxString& language);

}  // namespace dj::app
