#include "app/ui_helpers.h"

#include <wx/config.h>
#include <wx/intl.h>
#include <wx/log.h>
#include <wx/msgdlg.h>

#include "core/base/clock.h"
#include "core/base/money.h"

namespace dj::app {

wxString money_text(Fen fen) {
    return u8(format_yuan(fen));
}

wxString shop_time_text(Timestamp t) {
    return t == 0 ? wxString() : u8(format_shop_time(t).substr(0, 16));
}

wxString status_label(const std::string& code) {
    if (code == "pending_payment") return _("Awaiting payment");
    if (code == "to_ship") return _("To ship");
    if (code == "shipped") return _("Shipped");
    if (code == "completed") return _("Completed");
    if (code == "cancelled") return _("Cancelled");
    if (code == "refund_requested") return _("Refund requested");
    if (code == "refunded") return _("Refunded");
    return u8(code);
}

wxString allocation_label(const std::string& code) {
    if (code == "allocated") return _("Reserved");
    if (code == "short") return _("Short of stock");
    if (code == "unmapped") return _("Unmapped SKU");
    if (code == "shipped") return _("Shipped");
    return _("Not held");
}

wxString platform_label(const std::string& code) {
    if (code == "taobao") return _("Taobao/Tmall");
    if (code == "jd") return _("JD");
    if (code == "pinduoduo") return _("Pinduoduo");
    if (code == "douyin") return _("Douyin");
    return u8(code);
}

wxString movement_label(const std::string& kind) {
    if (kind == "receive") return _("Received");
    if (kind == "ship") return _("Shipped");
    if (kind == "transfer_out") return _("Transferred out");
    if (kind == "transfer_in") return _("Transferred in");
    if (kind == "count") return _("Count adjustment");
    if (kind == "return") return _("Customer return");
    if (kind == "scrap") return _("Scrapped");
    if (kind == "move") return _("Put away");
    return u8(kind);
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

bool confirm(wxWindow* parent, const wxString& message, const wxString& caption,
             const wxString& yes) {
    wxMessageDialog dialog(parent, message, caption, wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
    dialog.SetYesNoLabels(yes, _("Cancel"));
    return dialog.ShowModal() == wxID_YES;
}

void show_error(wxWindow* parent, const wxString& what_failed, const std::string& message) {
    wxLogTrace("dianjia", "%s: %s", what_failed, u8(message));
    wxMessageBox(u8(message), what_failed, wxOK | wxICON_ERROR, parent);
}

}  // namespace dj::app
