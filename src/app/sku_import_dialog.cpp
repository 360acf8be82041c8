#include "app/sku_import_dialog.h"

#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/filename.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <fstream>
#include <sstream>

#include "app/table_list_model.h"
#include "app/ui_helpers.h"
#include "core/base/error.h"
#include "core/base/translate.h"

namespace dj::app {

namespace {

struct PreviewCells {
    static constexpr unsigned column_count = 6;
    static wxString text(const Sku& s, unsigned col) {
        switch (col) {
            case 0:
                return u8(s.code);
            case 1:
                return u8(s.name);
            case 2:
                return u8(s.spec);
            case 3: {
                wxString out;
                for (const std::string& b : s.barcodes)
                    out += (out.empty() ? "" : ", ") + u8(b);
                return out;
            }
            case 4:
                return money_text(s.standard_cost);
            default:
                return s.shelf_life_days > 0 ? wxString::Format("%d", s.shelf_life_days)
                                             : wxString();
        }
    }
    static bool style(const Sku&, unsigned, wxDataViewItemAttr&) { return false; }
};

std::string read_bytes(const wxString& path) {
    std::ifstream in(path.utf8_string(), std::ios::binary);
    if (!in) throw Error(trf("Cannot read {0}", to_u8(path)));
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

SkuImportDialog::SkuImportDialog(wxWindow* parent, AppContext& ctx, const wxString& path)
    : wxDialog(parent, wxID_ANY, _("Import SKUs"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      ctx_(ctx),
      source_(to_u8(wxFileName(path).GetFullName())) {
    wxString summary;
    try {
        bytes_ = read_bytes(path);
        wxBusyCursor busy;
        preview_ = ops::preview_sku_import(*ctx_.db, bytes_, source_);
        summary = wxString::Format(_("%s (read as %s): %zu rows can be imported, %zu of them new "
                                     "SKUs; %zu rows have problems."),
                                   u8(source_), u8(preview_.encoding), preview_.rows.size(),
                                   preview_.new_skus, preview_.problems.size());
    } catch (const dj::Error& e) {
        preview_.problems.push_back(e.what());
        summary = u8(e.what());
    }
    auto* root = new wxBoxSizer(wxVERTICAL);
    auto* head = new wxStaticText(this, wxID_ANY, summary);
    head->Wrap(FromDIP(860));
    root->Add(head, wxSizerFlags().Border(wxALL, FromDIP(10)));
    if (!preview_.problems.empty()) {
        auto* problems_label = new wxStaticText(
            this, wxID_ANY, _("Problems (fix them in the file, then import it again):"));
        problems_label->SetForegroundColour(wxColour(0xb0, 0x00, 0x20));
        root->Add(problems_label, wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(10)));
        auto* problems =
            new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(860), FromDIP(140)));
        for (const std::string& p : preview_.problems)
            problems->Append(u8(p));
        root->Add(problems, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    }
    auto* view = new wxDataViewCtrl(this, wxID_ANY, wxDefaultPosition,
                                    wxSize(FromDIP(860), FromDIP(280)), wxDV_ROW_LINES);
    auto* model = new TableListModel<Rows, PreviewCells>(rows_);
    view->AssociateModel(model);
    model->DecRef();
    model->Reset(static_cast<unsigned>(rows_.size()));
    const wxString titles[] = {_("SKU"),     _("Name"), _("Spec"),
                               _("Barcode"), _("Cost"), _("Shelf life (days)")};
    const int widths[] = {120, 260, 100, 180, 80, 90};
    for (unsigned c = 0; c < std::size(titles); ++c)
        view->AppendTextColumn(titles[c], c, wxDATAVIEW_CELL_INERT, FromDIP(widths[c]),
                               c >= 4 ? wxALIGN_RIGHT : wxALIGN_NOT, wxDATAVIEW_COL_RESIZABLE);
    root->Add(view, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    auto* actions = new wxStdDialogButtonSizer;
    auto* ok = new wxButton(this, wxID_OK, _("Import"));
    ok->Enable(preview_.problems.empty() && !preview_.rows.empty());
    actions->AddButton(ok);
    actions->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
    actions->Realize();
    root->Add(actions, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    SetSizerAndFit(root);
    Bind(wxEVT_BUTTON, &SkuImportDialog::on_import, this, wxID_OK);
}

void SkuImportDialog::on_import(wxCommandEvent&) {
    try {
        wxBusyCursor busy;
        ops::import_skus(*ctx_.db, ctx_.actor, bytes_, source_);
        EndModal(wxID_OK);
    } catch (const dj::Error& e) {
        show_error(this, _("The SKUs were not imported"), e.what());
    }
}

}  // namespace dj::app
