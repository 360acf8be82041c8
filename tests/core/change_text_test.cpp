#include "core/base/change_text.h"

#include <boost/test/unit_test.hpp>

#include "core/base/audit_action.h"

using namespace dj;

BOOST_AUTO_TEST_SUITE(change_text_and_audit_actions)

BOOST_AUTO_TEST_CASE(a_change_reads_old_to_new) {
    BOOST_TEST(change_text("山间茶铺", "山间茶铺旗舰店") == "山间茶铺 → 山间茶铺旗舰店");
    BOOST_TEST(change_text("", "山间茶铺") == "山间茶铺");  // nothing before
    BOOST_TEST(change_text("急", "") == "急 → —");          // cleared
}

BOOST_AUTO_TEST_CASE(a_change_list_keeps_only_fields_that_differ) {
    ChangeList changes;
    changes.add("name", "绿茶", "龙井");
    changes.add("unit", "件", "件");
    changes.add("cost", "1.00", "2.50");
    changes.add("spec", "", "250g");
    BOOST_TEST(changes.text() == "name: 绿茶 → 龙井; cost: 1.00 → 2.50; spec: — → 250g");
    BOOST_TEST(ChangeList().empty());
}

BOOST_AUTO_TEST_CASE(actions_read_as_names_and_group_by_their_first_part) {
    BOOST_TEST(audit_action_name("shop.name") == "Shop renamed");
    BOOST_TEST(audit_action_name("orders.export") == "Orders exported with buyers' data");
    BOOST_TEST(audit_action_name("later.action") == "later.action");  // from a newer version
    bool orders = false;
    for (const AuditActionGroup& g : audit_action_groups())
        if (g.prefix == "order") orders = g.name == "Orders";
    BOOST_TEST(orders);
}

BOOST_AUTO_TEST_SUITE_END()
