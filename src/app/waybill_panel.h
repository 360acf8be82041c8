#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/view.h"
#include "core/base/progress.h"

class wxButton;
class wxChoice;
class wxStaticText;

namespace dj::app {

class ParcelWaybillList;
struct WaybillJob;

// 打单发货: a wave's parcels with their e-waybill numbers and print states. "Get numbers" asks
// each order's platform for the parcels without one, "Print waybills" sends them to each
// platform's print component; both run off the UI thread and can be stopped. A selected
// parcel can be printed again (after a confirmation, recorded as a reprint) or its number
// given back.
class WaybillPanel : public View {
  public:
    WaybillPanel(wxWindow* parent, AppContext& ctx);
    void reload() override;
    bool loading() const override { return loading_; }

  private:
    void load_parcels();
    // The wave chosen, or the orders listed when the failed prints are shown.
    std::vector<std::string> subjects() const;
    void fetch();
    void print(bool reprint_selected);
    void cancel_selected();
    void run(const WaybillJob& job, const wxString& doing);
    void busy(const wxString& doing, std::shared_ptr<Progress> progress);
    void idle(const wxString& said);

    wxChoice* waves_ = nullptr;
    std::vector<std::string> wave_numbers_;  // empty entry: the failed prints
    ParcelWaybillList* list_ = nullptr;
    wxStaticText* summary_ = nullptr;  // the wave's counts
    wxStaticText* result_ = nullptr;   // what the last operation came to
    wxButton* fetch_ = nullptr;
    wxButton* print_ = nullptr;
    wxButton* reprint_ = nullptr;
    wxButton* cancel_ = nullptr;
    wxButton* stop_ = nullptr;
    std::shared_ptr<Progress> running_;
    bool loading_ = false;
};

}  // namespace dj::app
