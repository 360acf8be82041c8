#pragma once

#include <vector>

#include "app/view.h"
#include "core/fulfilment/outbox.h"

class wxCheckBox;
class wxStaticText;

namespace dj::app {

class OutboxList;

// 平台回传: what the shop owes the platforms — shipment confirmations and stock offers — with
// each entry's state, attempts and the platform's last answer. The program sends them by
// itself (OutboxWatcher); "Send now" and "Retry" do not wait for the next round.
class OutboxPanel : public View {
  public:
    OutboxPanel(wxWindow* parent, AppContext& ctx);
    void reload() override;
    bool loading() const override { return loading_; }

  private:
    void retry(bool selected_only);

    OutboxList* list_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxCheckBox* pending_only_ = nullptr;
    bool loading_ = false;
};

}  // namespace dj::app
