// 结账 and 反结账 in the reports view: the month just ended is closed by its button (after the
// confirmation), then reopened with a reason typed into the dialog; the database keeps the
// closed month and then not, and the audit log the reason.
#define BOOST_TEST_MODULE gui_period_tests
#include <boost/test/unit_test.hpp>

#include "gui_shop.h"
#include "run_app.h"

using namespace dj;

BOOST_FIXTURE_TEST_SUITE(gui_period, test::GuiShop)

BOOST_AUTO_TEST_CASE(the_month_just_ended_is_closed_and_reopened_from_the_window) {
    // DIANJIA_NOW is in 2026-11: the view offers 2026-10 first.
    BOOST_TEST_REQUIRE(count("SELECT count(*) FROM period_close") == 0);
    int status =
        test::drive_app(dir.file("home"), path, "reports",
                        {"see:2026-10 未结账", "press:结账…", "press:结账", "see:2026-10 已结账",
                         "press:反结账…", "enter:供应商补开发票，入库单价更正",
                         "see:已反结账：2026-10", "see:2026-10 未结账", "wait:0.3"});
    BOOST_TEST_REQUIRE(status == 0);
    BOOST_TEST(count("SELECT count(*) FROM period_close") == 0);
    BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'period.close' AND subject = "
                     "'2026-10' AND user <> ''") == 1);
    BOOST_TEST(text("SELECT detail FROM audit_log WHERE action = 'period.reopen' AND subject = "
                    "'2026-10'") == "供应商补开发票，入库单价更正");
}

BOOST_AUTO_TEST_SUITE_END()
