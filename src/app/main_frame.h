#pragma once

#include <wx/frame.h>
#include <wx/timer.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "app/app_context.h"

class wxListBox;
class wxSimplebook;
class wxSearchCtrl;

namespace dj::ops {
class ChangeFeed;
struct OutboxSent;
}  // namespace dj::ops

namespace dj::app {

class AlertWatcher;
class OutboxWatcher;
class View;

// The back office window: navigation on the left, one view at a time, toolbar with search,
// status bar with the stores' sync state, the database path and what is owed to the platforms.
class MainFrame : public wxFrame {
  public:
    static const std::vector<wxString>& view_names();  // dashboard, orders, pack, stock, ...

    explicit MainFrame(AppContext& ctx);
    ~MainFrame() override;

    void show_view(const wxString& name);
    View* current_view() const;
    // True when no view is still loading: the screenshot mode waits for it.
    bool settled() const;
    // Saves PNG of the whole window; false when it could not be written.
    bool save_screenshot(const wxString& path);

  private:
    void build_menu();
    void build_toolbar();
    void show_page(int index);
    void reload_view(int index);
    // Another workstation changed `tables`: the views that show them read them again, the one
    // shown at once (keeping the focus where the person is typing or scanning).
    void changed_elsewhere(const std::set<std::string>& tables);
    void update_status();
    // The status bar's last field: Working... while a background task runs, else Ready.
    void show_busy();
    void sync_now();
    // Listens for other workstations' changes when the shop is on a server.
    void start_change_feed();
    void on_close(wxCloseEvent& event);
    void alerts_changed();
    void outbox_sent(const ops::OutboxSent& sent);
    void restore_geometry();
    void save_geometry();

    AppContext& ctx_;
    wxListBox* nav_ = nullptr;
    wxSimplebook* book_ = nullptr;
    wxSearchCtrl* search_ = nullptr;
    std::vector<View*> views_;
    std::vector<bool> stale_;
    wxTimer status_timer_;  // the stores' sync state and the outbox, each second
    wxTimer busy_timer_;    // show_busy(), often: it only reads a counter
    std::unique_ptr<AlertWatcher> watcher_;
    std::unique_ptr<OutboxWatcher> outbox_;
    wxString outbox_text_;
    bool syncing_ = false;
    // A shop on a server: the tables other workstations change arrive here
    // (ops/change_feed.h), and with the next status tick the views that read them reload.
    std::unique_ptr<ops::ChangeFeed> feed_;
    std::set<std::string> changed_elsewhere_;
    wxString connection_text_;
    std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

}  // namespace dj::app
