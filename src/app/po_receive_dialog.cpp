#include "app/po_receive_dialog.h"

#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/ui_helpers.h"
#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "core/stock/sku_suggestion.h"
#include "core/stock/stock_book.h"
#include "ops/purchasing.h"
#include "ops/shop_queries.h"
#include "ops/stock_moves.h"
#include "ops/stock_queries.h"

namespace dj::app {

PoReceiveDialog::PoReceiveDialog(wxWindow* parent, AppContext& ctx, const PurchaseOrder& order)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("Receive goods: %s"), u8(order.no)),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      ctx_(ctx),
      order_(order) {
    // Only the order's SKUs can be scanned: a barcode of anything else is a wrong item.
    for (const Sku& s : ops::list_skus(*ctx_.db, ctx_.actor))
        for (const PurchaseOrderLine& l : order_.lines)
            if (l.sku == s.code) catalogue_.push_back(s);
    for (const PurchaseOrderLine& l : order_.lines)
        if (l.open() > 0) rows_.push_back({l.sku, l.sku_name, l.open(), 0, {}, {}, {}});

    auto* root = new wxBoxSizer(wxVERTICAL);
    root->Add(new wxStaticText(
                  this, wxID_ANY,
                  wxString::Format(
                      _("From %s into warehouse %s"),
                      u8(order_.supplier_name.empty() ? order_.supplier : order_.supplier_name),
                      u8(order_.warehouse))),
              wxSizerFlags().Border(wxALL, FromDIP(10)));
    auto* scan_row = new wxBoxSizer(wxHORIZONTAL);
    scan_row->Add(new wxStaticText(this, wxID_ANY, _("Scan a SKU's barcode or code:")),
                  wxSizerFlags().Center().Border(wxRIGHT, FromDIP(6)));
    scan_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxSize(FromDIP(260), -1),
                           wxTE_PROCESS_ENTER);
    scan_->SetHint(_("each scan counts one unit"));
    scan_row->Add(scan_, wxSizerFlags(1).Center());
    root->Add(scan_row, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));

    list_ =
        new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition,
                               wxSize(FromDIP(760), FromDIP(200)), wxDV_ROW_LINES | wxDV_SINGLE);
    const wxString titles[] = {_("SKU"),          _("Name"),     _("Not yet received"),
                               _("Received now"), _("Location"), _("Batch"),
                               _("Expiry")};
    const int widths[] = {110, 200, 80, 80, 100, 100, 100};
    for (unsigned c = 0; c < std::size(titles); ++c)
        list_->AppendTextColumn(titles[c], wxDATAVIEW_CELL_INERT, FromDIP(widths[c]),
                                c == 2 || c == 3 ? wxALIGN_RIGHT : wxALIGN_NOT,
                                wxDATAVIEW_COL_RESIZABLE);
    root->Add(list_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(10)));

    // Each label is made just before its field (a screen reader finds the field after it).
    auto* edit = new wxFlexGridSizer(4, FromDIP(6), FromDIP(8));
    auto* qty_label = new wxStaticText(this, wxID_ANY, _("Received now:"));
    qty_ = new wxSpinCtrl(this, wxID_ANY, "0", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 0,
                          1000000, 0);
    auto* location_label = new wxStaticText(this, wxID_ANY, _("Location:"));
    location_ = new wxTextCtrl(this, wxID_ANY);
    location_->SetHint(u8(ops::receiving_location_code()));
    wxArrayString places;
    for (const Location& l : ops::list_locations(*ctx_.db, order_.warehouse))
        places.Add(u8(l.code));
    location_->AutoComplete(places);
    auto* batch_label = new wxStaticText(this, wxID_ANY, _("Batch number:"));
    batch_ = new wxTextCtrl(this, wxID_ANY);
    auto* expiry_label = new wxStaticText(this, wxID_ANY, _("Expiry (YYYY-MM-DD):"));
    expiry_ = new wxTextCtrl(this, wxID_ANY);
    for (wxWindow* w : {static_cast<wxWindow*>(qty_label), static_cast<wxWindow*>(location_label),
                        static_cast<wxWindow*>(batch_label), static_cast<wxWindow*>(expiry_label)})
        edit->Add(w);
    for (wxWindow* w : {static_cast<wxWindow*>(qty_), static_cast<wxWindow*>(location_),
                        static_cast<wxWindow*>(batch_), static_cast<wxWindow*>(expiry_)})
        edit->Add(w, wxSizerFlags().Expand());
    root->Add(edit, wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(10)));

    auto* tools = new wxBoxSizer(wxHORIZONTAL);
    auto* split = new wxButton(this, wxID_ANY, _("Another batch of this SKU"));
    split->SetToolTip(
        _("A second line for the selected SKU, for boxes with another batch or "
          "for another location"));
    auto* all = new wxButton(this, wxID_ANY, _("Everything arrived"));
    tools->Add(split, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));
    tools->Add(all);
    root->Add(tools, wxSizerFlags().Border(wxALL, FromDIP(10)));

    message_ = new wxStaticText(this, wxID_ANY, {});
    root->Add(message_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    auto* actions = new wxStdDialogButtonSizer;
    actions->AddButton(new wxButton(this, wxID_OK, _("Book receipt")));
    actions->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
    actions->Realize();
    root->Add(actions, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    fit_headers(*list_);
    SetSizerAndFit(root);

    for (std::size_t i = 0; i < rows_.size(); ++i) {
        wxVector<wxVariant> row(7, wxVariant(wxString()));
        list_->AppendItem(row);
        show_row(i);
    }
    if (!rows_.empty()) select(0);

    scan_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { scanned(); });
    list_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) {
        int row = list_->GetSelectedRow();
        if (row < 0 || static_cast<std::size_t>(row) == current_) return;
        store_editors();
        current_ = static_cast<std::size_t>(row);
        load_editors();
    });
    for (wxTextCtrl* t : {location_, batch_, expiry_})
        t->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { store_editors(); });
    qty_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { store_editors(); });
    split->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { split_row(); });
    all->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { all_arrived(); });
    Bind(wxEVT_BUTTON, &PoReceiveDialog::on_receive, this, wxID_OK);
    scan_->SetFocus();
}

void PoReceiveDialog::say(const wxString& text, bool problem) {
    say_in(this, message_, text, problem);
}

void PoReceiveDialog::show_row(std::size_t i) {
    const Row& r = rows_[i];
    const wxString cells[] = {u8(r.sku),
                              u8(r.name),
                              wxString::Format("%lld", static_cast<long long>(r.open)),
                              wxString::Format("%lld", static_cast<long long>(r.qty)),
                              u8(r.location),
                              u8(r.batch),
                              u8(r.expiry)};
    for (unsigned c = 0; c < std::size(cells); ++c)
        list_->SetTextValue(cells[c], static_cast<unsigned>(i), c);
}

void PoReceiveDialog::select(std::size_t i) {
    current_ = i;
    list_->SelectRow(static_cast<unsigned>(i));
    load_editors();
}

void PoReceiveDialog::store_editors() {
    if (current_ >= rows_.size()) return;
    Row& r = rows_[current_];
    r.qty = qty_->GetValue();
    r.location = to_u8(location_->GetValue().Trim().Trim(false));
    r.batch = to_u8(batch_->GetValue().Trim().Trim(false));
    r.expiry = to_u8(expiry_->GetValue().Trim().Trim(false));
    show_row(current_);
}

void PoReceiveDialog::load_editors() {
    if (current_ >= rows_.size()) return;
    const Row& r = rows_[current_];
    qty_->SetValue(static_cast<int>(r.qty));
    location_->ChangeValue(u8(r.location));
    batch_->ChangeValue(u8(r.batch));
    expiry_->ChangeValue(u8(r.expiry));
}

Qty PoReceiveDialog::counted(const std::string& sku) const {
    Qty n = 0;
    for (const Row& r : rows_)
        if (r.sku == sku) n += r.qty;
    return n;
}

void PoReceiveDialog::scanned() {
    std::string text = to_u8(scan_->GetValue().Trim().Trim(false));
    scan_->ChangeValue({});
    if (text.empty()) return;
    store_editors();
    try {
        const Sku& sku = pick_sku(text, catalogue_);
        // The selected line when it is this SKU (its second batch), else its first line.
        std::size_t at = rows_.size();
        if (current_ < rows_.size() && rows_[current_].sku == sku.code) at = current_;
        for (std::size_t i = 0; i < rows_.size() && at == rows_.size(); ++i)
            if (rows_[i].sku == sku.code) at = i;
        if (at == rows_.size())
            throw InvalidInput(trf("{0} has nothing open on {1}", sku.code, order_.no));
        if (counted(sku.code) >= rows_[at].open)
            throw InvalidInput(
                trf("{0}: all {1} open are counted already; put the surplus "
                    "aside for a new purchase order",
                    sku.code, std::to_string(rows_[at].open)));
        ++rows_[at].qty;
        show_row(at);
        select(at);
        say(wxString::Format(_("%s: %lld of %lld"), u8(sku.code),
                             static_cast<long long>(counted(sku.code)),
                             static_cast<long long>(rows_[at].open)),
            false);
    } catch (const InvalidInput& e) {
        wxBell();
        say(wxString::Format(_("Wrong item: %s"), u8(e.what())), true);
    }
    scan_->SetFocus();
}

void PoReceiveDialog::split_row() {
    store_editors();
    if (current_ >= rows_.size()) return;
    Row copy = rows_[current_];
    copy.qty = 0;
    copy.batch.clear();
    copy.expiry.clear();
    rows_.insert(rows_.begin() + static_cast<std::ptrdiff_t>(current_) + 1, copy);
    wxVector<wxVariant> row(7, wxVariant(wxString()));
    list_->InsertItem(static_cast<unsigned>(current_) + 1, row);
    show_row(current_ + 1);
    select(current_ + 1);
    scan_->SetFocus();
}

void PoReceiveDialog::all_arrived() {
    store_editors();
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        Qty elsewhere = counted(rows_[i].sku) - rows_[i].qty;
        rows_[i].qty = std::max<Qty>(0, rows_[i].open - elsewhere);
        show_row(i);
    }
    load_editors();
}

void PoReceiveDialog::on_receive(wxCommandEvent&) {
    store_editors();
    ops::PoReceiveRequest request;
    for (const Row& r : rows_)
        if (r.qty > 0) request.lines.push_back({r.sku, r.qty, r.location, r.batch, r.expiry});
    if (request.lines.empty()) {
        say(_("Nothing is counted yet: scan what arrived, or type the quantities."), true);
        return;
    }
    try {
        for (ops::PoReceiptLine& l : request.lines)
            if (!l.expiry.empty()) l.expiry = parse_date(l.expiry, tr("Expiry"));
        for (;;) {
            try {
                ops::receive_purchase_order(*ctx_.db, ctx_.actor, order_.no, request);
                break;
            } catch (const ExpiredBatch& e) {
                wxMessageDialog ask(this,
                                    u8(e.what()) + "\n\n" +
                                        _("Receive this expired batch anyway? It will count as "
                                          "on hand and never as available."),
                                    _("Expired batch"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
                ask.SetYesNoLabels(_("Receive as expired"), _("Cancel"));
                if (request.accept_expired || ask.ShowModal() != wxID_YES) throw;
                request.accept_expired = true;
            }
        }
        EndModal(wxID_OK);
    } catch (const dj::Error& e) {
        say(u8(e.what()), true);
    }
}

}  // namespace dj::app
