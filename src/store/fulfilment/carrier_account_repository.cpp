#include "store/fulfilment/carrier_account_repository.h"

#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"

namespace dj {

namespace {

constexpr const char* kColumns =
    "a.id, s.code, a.carrier, a.platform_code, a.branch_code, a.branch_name, a.account_no, "
    "a.sender_name, a.sender_phone, a.province, a.city, a.district, a.detail, a.from_platform "
    "FROM carrier_account a JOIN shop_store s ON s.id = a.store_id";

CarrierAccount read_account(sql::Statement& s) {
    CarrierAccount a;
    a.id = s.column(0).int64();
    a.store = s.column(1).text();
    a.carrier = s.column(2).text();
    a.platform_code = s.column(3).text();
    a.branch_code = s.column(4).text();
    a.branch_name = s.column(5).text();
    a.account_no = s.column(6).text();
    a.sender = {s.column(7).text(),  s.column(8).text(),  s.column(9).text(),
                s.column(10).text(), s.column(11).text(), s.column(12).text()};
    a.from_platform = s.column(13).int32() != 0;
    return a;
}

}  // namespace

Id save_carrier_account(Database& db, Id store_id, const CarrierAccount& a) {
    sql::Statement s(
        connection(db),
        "INSERT INTO carrier_account (store_id, carrier, platform_code, branch_code, branch_name, "
        "account_no, sender_name, sender_phone, province, city, district, detail, from_platform) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (store_id, carrier, branch_code) DO UPDATE SET "
        "platform_code = excluded.platform_code, branch_name = excluded.branch_name, "
        "account_no = excluded.account_no, sender_name = excluded.sender_name, "
        "sender_phone = excluded.sender_phone, province = excluded.province, "
        "city = excluded.city, district = excluded.district, detail = excluded.detail, "
        "from_platform = excluded.from_platform RETURNING id");
    s.bind(1, static_cast<int64_t>(store_id));
    s.bind(2, a.carrier);
    s.bind(3, a.platform_code);
    s.bind(4, a.branch_code);
    s.bind(5, a.branch_name);
    s.bind(6, a.account_no);
    s.bind(7, a.sender.name);
    s.bind(8, a.sender.phone);
    s.bind(9, a.sender.province);
    s.bind(10, a.sender.city);
    s.bind(11, a.sender.district);
    s.bind(12, a.sender.detail);
    s.bind(13, a.from_platform ? 1 : 0);
    s.step();
    return s.column(0).int64();
}

std::vector<CarrierAccount> list_carrier_accounts(Database& db, std::optional<Id> store_id) {
    sql::Statement s(connection(db), std::string("SELECT ") + kColumns +
                                         " WHERE a.store_id = ?1 OR ?1 IS NULL "
                                         "ORDER BY s.code, a.id");
    bind_optional(s, 1, store_id);
    std::vector<CarrierAccount> accounts;
    while (s.step())
        accounts.push_back(read_account(s));
    return accounts;
}

std::optional<CarrierAccount> find_carrier_account(Database& db, Id id) {
    sql::Statement s(connection(db), std::string("SELECT ") + kColumns + " WHERE a.id = ?");
    s.bind(1, static_cast<int64_t>(id));
    if (!s.step()) return std::nullopt;
    return read_account(s);
}

}  // namespace dj
