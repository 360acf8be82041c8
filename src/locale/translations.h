#pragma once

#include <wx/string.h>

#include <string>

namespace dj {

// Chooses the interface language ("" follows the system; "zh_CN" or "en"), loads the gettext
// catalogue and hands lookups to the core's tr() as well. English is the fallback. Needs wxBase
// initialised (wxApp, or a wxInitializer in a console program).
void setup_language(const wxString& language);

#ifdef __WXGTK__
// For the window, before the toolkit starts: its own words (OK, Cancel) in `language` too
// ("" follows the system). Only for GTK, whose words come from gettext (on Windows wx's own
// catalogue translates them).
void prepare_toolkit_language(const std::string& language);
#endif

}  // namespace dj
