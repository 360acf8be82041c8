#pragma once

#include <functional>

class wxWindow;

namespace dj::app {

struct AppContext;

// 二次验证 in the window: runs `act`; when the use case asks for a second check, shows a dialog
// that says what asks for it and takes the logged-in user's password again (ops::confirm_password),
// then runs `act` once more. False when the person cancelled, so nothing was done. Every other
// error passes to the caller, which shows it as it does now.
bool with_second_check(wxWindow* parent, AppContext& ctx, const std::function<void()>& act);

}  // namespace dj::app
