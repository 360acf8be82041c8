#pragma once

#include <wx/dialog.h>

#include <string>

#include "app/app_context.h"
#include "ops/catalogue.h"

namespace dj::app {

// The preview of a catalogue CSV: every good row, every bad row with its line, column and value,
// and how many SKUs are new. 导入 saves it (ops::import_skus, all or nothing) and is offered only
// for a file without problems.
class SkuImportDialog : public wxDialog {
  public:
    SkuImportDialog(wxWindow* parent, AppContext& ctx, const wxString& path);

    struct Rows {
        const std::vector<Sku>& skus;
        std::size_t size() const { return skus.size(); }
        const Sku& row(std::size_t i) const { return skus[i]; }
    };

  private:
    void on_import(wxCommandEvent& event);

    AppContext& ctx_;
    std::string bytes_;
    std::string source_;
    ops::SkuImportPreview preview_;
    Rows rows_{preview_.rows};
};

}  // namespace dj::app
