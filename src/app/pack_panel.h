#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/view.h"
#include "core/fulfilment/carrier.h"
#include "core/fulfilment/pack_check.h"
#include "ops/pack_station.h"
#include "ops/shop_queries.h"

class wxButton;
class wxTextCtrl;
class wxStaticText;
class wxListCtrl;
class wxCheckBox;

namespace dj::app {

// 拣货打包 → pack station: for a barcode-scanner workstation. The scan field always has the
// focus; a scanner types like a keyboard and ends with Enter. A parcel opens by order number,
// tracking number or WAVE/slot; every scan is recorded (ops::PackStation); a complete parcel ships
// under its waybill and the platform's confirmation is queued. Pick sheets, labels and packing
// lists print straight to the printers chosen in Settings, off the UI thread; the label can
// print by itself when a parcel is complete.
class PackPanel : public View {
  public:
    PackPanel(wxWindow* parent, AppContext& ctx);
    void reload() override;

  private:
    enum class Tone { neutral, good, bad };
    void on_scan();
    // Opens the parcel `scanned` names (`opened`: the station for it, made already).
    void open_order(const std::string& scanned, std::unique_ptr<ops::PackStation> opened = nullptr);
    Actor packer() const;
    // The badge dialog; the user it logs in works in the whole window from then on.
    void switch_user();
    void show_packer();
    // Ships the packed parcel under `tracking`, of one of `carriers` (asked when several).
    void assign_waybill(const std::string& tracking, const std::vector<const Carrier*>& carriers);
    // The button does `action`; whatever that opened (a file dialog, a message), the scanner's
    // next Enter then belongs to the scan field, not to the button that kept the focus.
    void on_button(wxButton* button, std::function<void()> action);
    void scan_item(const std::string& code);
    void finished(const std::optional<ops::Shipped>& shipped);
    void reset();
    void show_items();
    void reload_waves();
    void create_wave();
    void print_wave(bool labels);
    void save_wave_pdf(bool labels);
    void print_order_document(PrintDocument document, Id order_id, const std::string& order_no);
    void print_current(PrintDocument document);
    void print_status(const wxString& text, bool failed);
    std::string selected_wave() const;
    void banner(const wxString& text, Tone tone);

    wxStaticText* packer_text_ = nullptr;
    wxTextCtrl* scan_ = nullptr;
    wxPanel* banner_ = nullptr;
    wxStaticText* banner_text_ = nullptr;
    wxStaticText* order_text_ = nullptr;
    wxListCtrl* items_ = nullptr;
    std::unique_ptr<ops::PackStation> session_;
    bool awaiting_waybill_ = false;  // the parcel is packed and waits for its label's number
    wxListCtrl* waves_ = nullptr;
    wxStaticText* print_status_ = nullptr;
    wxCheckBox* auto_label_ = nullptr;
    // The last parcel opened, for printing its label or packing list again.
    Id last_order_ = 0;
    std::string last_order_no_;
};

}  // namespace dj::app
