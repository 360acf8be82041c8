#include "app/user_dialog.h"

#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/app_context.h"
#include "app/second_check.h"
#include "app/ui_helpers.h"
#include "core/base/error.h"
#include "core/base/role.h"
#include "core/base/translate.h"
#include "ops/shop_queries.h"
#include "ops/users.h"

namespace dj::app {

UserDialog::UserDialog(wxWindow* parent, AppContext& ctx)
    : wxDialog(parent, wxID_ANY, _("Add a user")), ctx_(ctx) {
    roles_ = ops::list_roles(*ctx_.db, ctx_.actor);
    auto* root = new wxBoxSizer(wxVERTICAL);
    auto* form = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    form->AddGrowableCol(1);
    // Each label made before its field: screen readers take the one before as the field's name.
    auto label = [&](const wxString& text) {
        form->Add(new wxStaticText(this, wxID_ANY, text), wxSizerFlags().CenterVertical());
    };
    label(_("User name"));
    name_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxSize(FromDIP(240), -1));
    form->Add(name_, wxSizerFlags().Expand());
    label(_("Role"));
    role_ = new wxChoice(this, wxID_ANY);
    for (const std::string& r : roles_)
        role_->Append(u8(role_name(r)));
    // Most people added after the owner pack parcels.
    auto packer = std::find(roles_.begin(), roles_.end(), "packer");
    role_->SetSelection(packer == roles_.end() ? 0 : static_cast<int>(packer - roles_.begin()));
    form->Add(role_, wxSizerFlags().Expand());
    label(_("Works in (none ticked: every warehouse)"));
    warehouse_list_ = new wxCheckListBox(this, wxID_ANY);
    for (const Warehouse& w : ops::list_warehouses(*ctx_.db)) {
        warehouse_list_->Append(u8(w.code + " " + w.name));
        warehouses_.push_back(w.code);
    }
    form->Add(warehouse_list_, wxSizerFlags().Expand());
    label(_("Password"));
    password_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD);
    form->Add(password_, wxSizerFlags().Expand());
    label(_("Password again"));
    repeat_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD);
    form->Add(repeat_, wxSizerFlags().Expand());
    root->Add(form, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    error_ = add_dialog_foot(this, root, _("Add"));
    SetSizerAndFit(root);
    name_->SetFocus();
    Bind(wxEVT_BUTTON, &UserDialog::on_save, this, wxID_OK);
}

void UserDialog::on_save(wxCommandEvent&) {
    try {
        ops::NewUser user;
        user.name = to_u8(name_->GetValue().Strip(wxString::both));
        user.role = roles_.at(static_cast<std::size_t>(std::max(0, role_->GetSelection())));
        for (unsigned i = 0; i < warehouse_list_->GetCount(); ++i)
            if (warehouse_list_->IsChecked(i)) user.warehouses.push_back(warehouses_[i]);
        if (password_->GetValue() != repeat_->GetValue())
            throw InvalidInput(tr("The two passwords differ: type the same one twice"));
        user.password = to_u8(password_->GetValue());
        if (with_second_check(this, ctx_, [&] { ops::add_user(*ctx_.db, ctx_.actor, user); }))
            EndModal(wxID_OK);
    } catch (const Error& e) {
        say_in(this, error_, u8(e.what()), true);
    }
}

}  // namespace dj::app
