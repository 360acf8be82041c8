#pragma once

#include <wx/colour.h>
#include <wx/string.h>

#include <string>

#include "core/base/actor.h"
#include "core/base/types.h"
#include "core/stock/stock_level.h"

class wxDataViewCtrl;
class wxDialog;
class wxSizer;
class wxStaticText;
class wxWindow;

namespace dj::app {

inline wxString u8(const std::string& s) {
    return wxString::FromUTF8(s);
}
inline std::string to_u8(const wxString& s) {
    return std::string(s.utf8_str());
}

wxString money_text(Fen fen);
// A cost, value or supplier price: *** for a user who may not see costs.
wxString cost_text(const Actor& actor, Fen fen);
wxString shop_time_text(Timestamp t);  // local (shop) time, "2026-11-24 13:04"

// Translated names of codes stored in the database.
wxString status_label(const std::string& status_code);
wxString allocation_label(const std::string& allocation_code);
wxString platform_label(const std::string& platform_code);
wxString level_label(StockLevel level);
wxString movement_label(const std::string& kind);

// Green enough, yellow low, red out: soft backgrounds that keep black text readable.
wxColour level_colour(StockLevel level);

// A column width kept from the last session (under `key`/col<N>), or `fallback`.
int remembered_width(const wxString& key, unsigned column, int fallback);
// Keeps every column at least as wide as its title (titles are longer in some languages).
void fit_headers(wxDataViewCtrl& list);
// Keeps the list's column widths for remembered_width (not for an empty list: a page never shown
// has no real widths).
void remember_widths(const wxString& key, const wxDataViewCtrl& list, std::size_t rows);

// A dialog's message line says `text`, red for a refusal and green otherwise, wrapped to the
// dialog, which grows to show it.
void say_in(wxWindow* dialog, wxStaticText* line, const wxString& text, bool problem);

// The foot of a form dialog under `root`: a line for what went wrong (say_in writes it), then
// `ok` (the default button, wxID_OK) and Cancel. Returns the line.
wxStaticText* add_dialog_foot(wxDialog* dialog, wxSizer* root, const wxString& ok);

// Shows a user-facing error (what failed, which record, what to do).
void show_error(wxWindow* parent, const wxString& what_failed, const std::string& message);

// Asks before an action; the buttons say what they do (`yes`, and Cancel) in the interface's
// language rather than the toolkit's Yes/No. True when the person chose `yes`.
bool confirm(wxWindow* parent, const wxString& message, const wxString& caption,
             const wxString& yes);

}  // namespace dj::app
