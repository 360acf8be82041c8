#pragma once

#include <string>
#include <vector>

#include "app/view.h"

class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace dj::app {

class AuditList;

// 审计日志: who changed what, when, on which workstation, newest first: filtered by user,
// what was changed (orders, SKUs, months…), text in the subject or detail, and days; exported as
// PDF, Excel or CSV. Needs the permission to see the audit log (ops::audit_entries); the log is
// append-only, so nothing here changes it.
class AuditPanel : public View {
  public:
    AuditPanel(wxWindow* parent, AppContext& ctx);
    void reload() override;
    std::vector<std::string> reads() const override { return {"audit_log"}; }

  private:
    void export_entries();

    AuditList* list_ = nullptr;
    wxTextCtrl* user_ = nullptr;
    wxChoice* action_ = nullptr;
    std::vector<std::string> action_prefixes_;  // of the choice's entries after "All"
    wxTextCtrl* text_ = nullptr;
    wxTextCtrl* from_ = nullptr;
    wxTextCtrl* to_ = nullptr;
    wxStaticText* summary_ = nullptr;
};

}  // namespace dj::app
