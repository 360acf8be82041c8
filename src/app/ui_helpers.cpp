#include "app/ui_helpers.h"

#include <wx/button.h>
#include <wx/config.h>
#include <wx/dataview.h>
#include <wx/dialog.h>
#include <wx/intl.h>
#include <wx/log.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/money.h"
#include "core/base/platform.h"
#include "core/orders/order.h"
#include "core/stock/movement.h"
#include "ops/cost_visibility.h"

namespace dj::app {

wxString cost_text(const Actor& actor, Fen fen) {
    return ops::sees_costs(actor) ? money_text(fen) : wxString("***");
}

wxString money_text(Fen fen) {
    return u8(format_yuan(fen));
}

wxString shop_time_text(Timestamp t) {
    return t == 0 ? wxString() : u8(format_shop_time(t).substr(0, 16));
}

wxString status_label(const std::string& code) {
    std::optional<OrderStatus> s = order_status_from_code(code);
    return u8(s ? order_status_name(*s) : code);
}

wxString allocation_label(const std::string& code) {
    try {
        return u8(allocation_name(parse_allocation(code)));
    } catch (const InvalidInput&) {
        return u8(code);
    }
}

wxString platform_label(const std::string& code) {
    std::optional<Platform> p = platform_from_code(code);
    return u8(p ? platform_name(*p) : code);
}

wxString movement_label(const std::string& kind) {
    try {
        return u8(movement_kind_name(parse_movement_kind(kind)));
    } catch (const InvalidInput&) {
        return u8(kind);
    }
}

wxString level_label(StockLevel level) {
    switch (level) {
        case StockLevel::enough:
            return _("Enough");
        case StockLevel::low:
            return _("Low");
        case StockLevel::out:
            return _("Out of stock");
    }
    return {};
}

wxColour level_colour(StockLevel level) {
    switch (level) {
        case StockLevel::enough:
            return wxColour(0xd8, 0xf3, 0xdc);
        case StockLevel::low:
            return wxColour(0xff, 0xf1, 0xb8);
        case StockLevel::out:
            return wxColour(0xff, 0xd6, 0xd6);
    }
    return *wxWHITE;
}

int remembered_width(const wxString& key, unsigned column, int fallback) {
    long width = wxConfig::Get()->ReadLong(wxString::Format("%s/col%u", key, column), fallback);
    // A squeezed column (e.g. saved from a page never shown) would hide its values.
    return width < 30 ? fallback : static_cast<int>(width);
}

void fit_headers(wxDataViewCtrl& list) {
    for (unsigned c = 0; c < list.GetColumnCount(); ++c) {
        wxDataViewColumn* column = list.GetColumn(c);
        // The title, the sort arrow and the cell padding.
        // A minimum, not a width: before the list is shown GTK reports no width to compare.
        column->SetMinWidth(list.GetTextExtent(column->GetTitle()).x + list.FromDIP(28));
    }
}

void remember_widths(const wxString& key, const wxDataViewCtrl& list, std::size_t rows) {
    if (rows == 0) return;
    for (unsigned c = 0; c < list.GetColumnCount(); ++c)
        wxConfig::Get()->Write(wxString::Format("%s/col%u", key, c), list.GetColumn(c)->GetWidth());
}

void say_in(wxWindow* dialog, wxStaticText* line, const wxString& text, bool problem) {
    line->SetForegroundColour(problem ? wxColour(0xb0, 0x00, 0x20) : wxColour(0, 0x70, 0));
    line->SetLabel(text);
    line->Wrap(dialog->GetClientSize().x - dialog->FromDIP(20));
    if (wxSizer* sizer = dialog->GetSizer()) sizer->SetSizeHints(dialog);
    dialog->Layout();
}

bool confirm(wxWindow* parent, const wxString& message, const wxString& caption,
             const wxString& yes) {
    wxMessageDialog dialog(parent, message, caption, wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
    dialog.SetYesNoLabels(yes, _("Cancel"));
    return dialog.ShowModal() == wxID_YES;
}

wxStaticText* add_dialog_foot(wxDialog* dialog, wxSizer* root, const wxString& ok) {
    auto* line = new wxStaticText(dialog, wxID_ANY, {});
    root->Add(line, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, dialog->FromDIP(12)));
    auto* buttons = new wxStdDialogButtonSizer();
    auto* ok_button = new wxButton(dialog, wxID_OK, ok);
    ok_button->SetDefault();
    buttons->AddButton(ok_button);
    buttons->AddButton(new wxButton(dialog, wxID_CANCEL, _("Cancel")));
    buttons->Realize();
    root->Add(buttons, wxSizerFlags().Expand().Border(wxALL, dialog->FromDIP(12)));
    return line;
}

void show_error(wxWindow* parent, const wxString& what_failed, const std::string& message) {
    wxLogTrace("dianjia", "%s: %s", what_failed, u8(message));
    wxMessageBox(u8(message), what_failed, wxOK | wxICON_ERROR, parent);
}

}  // namespace dj::app
