#include "app/movement_dialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "app/second_check.h"
#include "app/ui_helpers.h"
#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/money.h"
#include "core/base/translate.h"
#include "core/stock/stock_book.h"
#include "ops/shop_queries.h"
#include "ops/stock_moves.h"
#include "ops/stock_queries.h"

namespace dj::app {

MovementDialog::MovementDialog(wxWindow* parent, AppContext& ctx, MovementForm form,
                               const wxString& sku, const wxString& warehouse)
    : ctx_(ctx), form_(form) {
    wxXmlResource::Get()->LoadDialog(this, parent, "movement_dialog");
    sku_ = XRCCTRL(*this, "sku", wxTextCtrl);
    qty_ = XRCCTRL(*this, "qty", wxSpinCtrl);
    warehouse_ = XRCCTRL(*this, "warehouse", wxChoice);
    to_warehouse_ = XRCCTRL(*this, "to_warehouse", wxChoice);
    location_ = XRCCTRL(*this, "location", wxTextCtrl);
    to_location_ = XRCCTRL(*this, "to_location", wxTextCtrl);
    cost_ = XRCCTRL(*this, "cost", wxTextCtrl);
    batch_ = XRCCTRL(*this, "batch", wxTextCtrl);
    expiry_ = XRCCTRL(*this, "expiry", wxTextCtrl);
    doc_ = XRCCTRL(*this, "doc", wxTextCtrl);
    reason_ = XRCCTRL(*this, "reason", wxTextCtrl);
    error_ = XRCCTRL(*this, "error", wxStaticText);

    for (const Warehouse& w : ops::list_warehouses(*ctx_.db)) {
        warehouse_codes_.push_back(w.code);
        warehouse_->Append(u8(w.name) + " (" + u8(w.code) + ")");
        to_warehouse_->Append(u8(w.name) + " (" + u8(w.code) + ")");
    }
    auto wanted = std::find(warehouse_codes_.begin(), warehouse_codes_.end(), to_u8(warehouse));
    warehouse_->SetSelection(
        wanted == warehouse_codes_.end() ? 0 : static_cast<int>(wanted - warehouse_codes_.begin()));
    to_warehouse_->SetSelection(warehouse_codes_.size() > 1 && warehouse_->GetSelection() == 0 ? 1
                                                                                               : 0);
    sku_->SetValue(sku);

    switch (form_) {
        case MovementForm::receive:
            SetTitle(_("Receive goods"));
            show_only({"location", "cost", "batch", "expiry", "doc"});
            break;
        case MovementForm::transfer:
            SetTitle(_("Transfer to another warehouse"));
            show_only({"to_warehouse", "doc"});
            break;
        case MovementForm::count:
            SetTitle(_("Stock count: on hand becomes the counted quantity"));
            XRCCTRL(*this, "qty_label", wxStaticText)->SetLabel(_("Counted quantity:"));
            show_only({"location", "reason"});
            break;
        case MovementForm::customer_return:
            SetTitle(_("Customer return"));
            show_only({"location", "doc", "reason"});
            break;
        case MovementForm::scrap:
            SetTitle(_("Scrap damaged or expired goods"));
            show_only({"location", "reason"});
            break;
        case MovementForm::put_away:
            SetTitle(_("Put away: move goods to another location"));
            XRCCTRL(*this, "location_label", wxStaticText)->SetLabel(_("From location:"));
            // Goods usually wait at the receiving location for a place on the shelves.
            location_->SetValue(u8(ops::receiving_location_code()));
            show_only({"location", "to_location", "batch"});
            break;
    }
    Bind(wxEVT_BUTTON, &MovementDialog::on_post, this, wxID_OK);
    GetSizer()->SetSizeHints(this);
    (sku.empty() ? static_cast<wxWindow*>(sku_) : static_cast<wxWindow*>(qty_))->SetFocus();
}

void MovementDialog::show_only(std::initializer_list<const char*> fields) {
    for (const char* name :
         {"to_warehouse", "location", "to_location", "cost", "batch", "expiry", "doc", "reason"}) {
        bool shown = std::find_if(fields.begin(), fields.end(), [&](const char* f) {
                         return std::string(f) == name;
                     }) != fields.end();
        FindWindow(XRCID(name))->Show(shown);
        FindWindow(XRCID((std::string(name) + "_label").c_str()))->Show(shown);
    }
}

bool MovementDialog::confirm(const wxString& why, const wxString& question, const wxString& title,
                             const wxString& yes) {
    wxMessageDialog ask(this, why + "\n\n" + question, title,
                        wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    ask.SetYesNoLabels(yes, u8(tr("Cancel")));
    return ask.ShowModal() == wxID_YES;
}

void MovementDialog::on_post(wxCommandEvent&) {
    error_->SetLabel({});
    try {
        std::string sku = to_u8(sku_->GetValue().Trim().Trim(false));
        // A scanned barcode stands for its SKU.
        if (auto code = ops::sku_code_by_barcode(*ctx_.db, sku)) sku = *code;
        if (warehouse_->GetSelection() < 0)
            throw InvalidInput(tr("Add a warehouse first (Settings)"));
        std::string warehouse = warehouse_codes_[warehouse_->GetSelection()];
        Qty qty = qty_->GetValue();
        std::string location = to_u8(location_->GetValue().Trim().Trim(false));
        std::string doc = to_u8(doc_->GetValue().Trim().Trim(false));
        std::string reason = to_u8(reason_->GetValue().Trim().Trim(false));
        ops::StockMove m;
        m.sku = sku;
        m.qty = qty;
        m.warehouse = warehouse;
        m.location = location;
        m.doc = doc;
        m.reason = reason;
        switch (form_) {
            case MovementForm::receive: {
                m.kind = ops::StockMoveKind::receive;
                wxString cost = cost_->GetValue().Trim().Trim(false);
                if (!cost.empty()) m.unit_cost = parse_yuan(to_u8(cost), tr("Unit cost"));
                m.batch = to_u8(batch_->GetValue().Trim().Trim(false));
                wxString expiry = expiry_->GetValue().Trim().Trim(false);
                if (!expiry.empty()) m.expiry = parse_date(to_u8(expiry), tr("Expiry"));
                break;
            }
            case MovementForm::transfer:
                m.kind = ops::StockMoveKind::transfer;
                m.to_warehouse = warehouse_codes_[std::max(0, to_warehouse_->GetSelection())];
                break;
            case MovementForm::count:
                m.kind = ops::StockMoveKind::count;
                break;
            case MovementForm::customer_return:
                m.kind = ops::StockMoveKind::customer_return;
                break;
            case MovementForm::scrap:
                m.kind = ops::StockMoveKind::scrap;
                break;
            case MovementForm::put_away:
                m.kind = ops::StockMoveKind::put_away;
                m.to_location = to_u8(to_location_->GetValue().Trim().Trim(false));
                m.batch = to_u8(batch_->GetValue().Trim().Trim(false));
                break;
        }
        // An expired batch or a document posted before goes in only when the person says so;
        // each question is asked once.
        std::vector<Movement> moved;
        for (;;) {
            try {
                if (!with_second_check(this, ctx_,
                                       [&] { moved = ops::move_stock(*ctx_.db, ctx_.actor, m); }))
                    return;
                break;
            } catch (const ExpiredBatch& e) {
                if (m.accept_expired ||
                    !confirm(u8(e.what()),
                             u8(tr("Receive this expired batch anyway? It will count as on hand "
                                   "and never as available.")),
                             u8(tr("Expired batch")), u8(tr("Receive as expired"))))
                    throw;
                m.accept_expired = true;
            } catch (const ops::SameDocument& e) {
                if (m.allow_same_doc ||
                    !confirm(u8(e.what()),
                             u8(tr("Post this movement again under the same "
                                   "document?")),
                             u8(tr("Document posted already")), u8(tr("Post again"))))
                    throw;
                m.allow_same_doc = true;
            }
        }
        posted_ = moved.size();
        EndModal(wxID_OK);
    } catch (const dj::Error& e) {
        // Refused: say why right here and keep what was typed.
        say_in(this, error_, u8(e.what()), true);
    }
}

}  // namespace dj::app
