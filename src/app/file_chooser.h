#pragma once

#include <wx/string.h>

class wxWindow;

namespace dj::app {

// What a file dialog asks for.
struct FileRequest {
    wxString title;
    wxString default_name;  // a save dialog's proposed name
    wxString wildcard;      // "PDF (*.pdf)|*.pdf"
    bool save = false;      // save (asks before overwriting) or open (the file must exist)
};

// The file the person chose, or empty when they cancelled. Starts in the folder last chosen.
//
// With GTK the dialog runs in a child process ("dianjia --choose-file"): the GTK file chooser
// opens and closes the files of the folders it shows, and closing any descriptor of the shop
// database drops every POSIX lock this process holds on it — SQLite's included, so another
// program would think the database unused and remove its write-ahead log under the window.
// No code in this process may open the database file except SQLite. Windows' locks belong to
// a handle, so the dialog runs in process there.
wxString choose_file(wxWindow* parent, const FileRequest& request);

// The child's side: shows the dialog described in the environment by the parent and prints the
// chosen path (UTF-8) on standard output. Returns the exit status.
int run_file_chooser_child();

}  // namespace dj::app
