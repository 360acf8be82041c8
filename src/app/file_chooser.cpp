#include "app/file_chooser.h"

#include <wx/config.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/log.h>
#include <wx/stdpaths.h>
#include <wx/toplevel.h>
#include <wx/utils.h>

#include <cstdio>
#include <string>

#include "app/ui_helpers.h"

namespace dj::app {
namespace {

constexpr const char* kLastFolder = "/ui/last_folder";

int dialog_style(bool save) {
    return save ? wxFD_SAVE | wxFD_OVERWRITE_PROMPT : wxFD_OPEN | wxFD_FILE_MUST_EXIST;
}

wxString remember(const wxString& path) {
    if (!path.empty()) wxConfig::Get()->Write(kLastFolder, wxFileName(path).GetPath());
    return path;
}

#ifdef __WXGTK__
// The request travels in the environment: no quoting of titles or paths on a command line.
constexpr const char* kTitle = "DIANJIA_CHOOSE_TITLE";
constexpr const char* kName = "DIANJIA_CHOOSE_NAME";
constexpr const char* kWildcard = "DIANJIA_CHOOSE_WILDCARD";
constexpr const char* kFolder = "DIANJIA_CHOOSE_FOLDER";
constexpr const char* kMode = "DIANJIA_CHOOSE_MODE";

wxString quoted(const wxString& s) {
    wxString q = s;
    q.Replace("\\", "\\\\");
    q.Replace("\"", "\\\"");
    return "\"" + q + "\"";
}
#endif

}  // namespace

wxString choose_file(wxWindow* parent, const FileRequest& r) {
    wxString folder = wxConfig::Get()->Read(kLastFolder, wxString());
#ifdef __WXGTK__
    wxExecuteEnv env;
    wxGetEnvMap(&env.env);
    env.env[kTitle] = r.title;
    env.env[kName] = r.default_name;
    env.env[kWildcard] = r.wildcard;
    env.env[kFolder] = folder;
    env.env[kMode] = r.save ? "save" : "open";
    wxString command = quoted(wxStandardPaths::Get().GetExecutablePath()) + " --choose-file";
    wxArrayString output, errors;
    // Synchronous: this process's windows are disabled and still repaint until it returns.
    long status = wxExecute(command, output, errors, wxEXEC_SYNC, &env);
    for (const wxString& line : errors)
        wxLogTrace("dianjia", "file chooser: %s", line);
    // The dialog's window was another process's: the window that asked takes the keyboard back.
    if (wxWindow* top = parent ? wxGetTopLevelParent(parent) : nullptr) top->Raise();
    if (status != 0 || output.empty()) return {};
    // Hex of the UTF-8 bytes: the path arrives intact whatever the locale's encoding.
    std::string bytes;
    const wxString& hex = output[0];
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
        unsigned long byte = 0;
        if (!hex.Mid(i, 2).ToULong(&byte, 16)) return {};
        bytes += static_cast<char>(byte);
    }
    return remember(wxString::FromUTF8(bytes));
#else
    wxFileDialog dialog(parent, r.title, folder, r.default_name, r.wildcard, dialog_style(r.save));
    if (dialog.ShowModal() != wxID_OK) return {};
    return remember(dialog.GetPath());
#endif
}

int run_file_chooser_child() {
#ifdef __WXGTK__
    wxString title, name, wildcard, folder, mode;
    wxGetEnv(kTitle, &title);
    wxGetEnv(kName, &name);
    wxGetEnv(kWildcard, &wildcard);
    wxGetEnv(kFolder, &folder);
    wxGetEnv(kMode, &mode);
    wxFileDialog dialog(nullptr, title, folder, name, wildcard, dialog_style(mode == "save"));
    if (dialog.ShowModal() != wxID_OK) return 1;
    const std::string path = to_u8(dialog.GetPath());  // held: utf8_str() is a temporary
    for (char c : path)
        std::printf("%02x", static_cast<unsigned char>(c));
    std::printf("\n");
    std::fflush(stdout);
    return 0;
#else
    return 1;
#endif
}

}  // namespace dj::app
