#include "core/fulfilment/carrier_account.h"

#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/base/translate.h"
#include "core/fulfilment/carrier.h"

namespace dj {

namespace {

void require_filled(const std::string& text, std::size_t max_chars, const std::string& what) {
    if (text.empty()) throw InvalidInput(trf("{0} is empty: fill it in", what));
    require_text(text, max_chars, what);
}

}  // namespace

void check_carrier_account(const CarrierAccount& a) {
    require_carrier(a.carrier, tr("e-waybill account carrier"));
    require_filled(a.platform_code, kMaxCodeLength, tr("the platform's carrier code"));
    require_text(a.branch_code, kMaxCodeLength, tr("branch code"));
    require_text(a.branch_name, kMaxNameLength, tr("branch name"));
    require_text(a.account_no, kMaxCodeLength, tr("monthly account"));
    require_filled(a.sender.name, kMaxNameLength, tr("sender name"));
    require_filled(a.sender.phone, kMaxCodeLength, tr("sender phone"));
    require_filled(a.sender.province, kMaxNameLength, tr("sender province"));
    require_filled(a.sender.city, kMaxNameLength, tr("sender city"));
    require_text(a.sender.district, kMaxNameLength, tr("sender district"));
    require_filled(a.sender.detail, kMaxTextLength, tr("sender address"));
}

}  // namespace dj
