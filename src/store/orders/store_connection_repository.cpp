#include "store/orders/store_connection_repository.h"

#include "store/base/database.h"
#include "store/base/shop_key.h"
#include "store/base/sql.h"

namespace dj {

void StoreConnectionRepository::save(const StoreConnection& c) {
    sql::Statement& s = db_.statement(
        "INSERT INTO store_connection(store_id, app_key, app_secret, token, endpoint, sign_method,"
        " stock_share_percent, stock_buffer) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(store_id) DO UPDATE SET app_key = excluded.app_key,"
        " app_secret = excluded.app_secret, token = excluded.token,"
        " endpoint = excluded.endpoint, sign_method = excluded.sign_method,"
        " stock_share_percent = excluded.stock_share_percent,"
        " stock_buffer = excluded.stock_buffer");
    s.bind(1, static_cast<int64_t>(c.store_id));
    s.bind(2, c.app_key);
    s.bind(3, seal_secret(db_, c.app_secret, "store_connection.app_secret"));
    s.bind(4, seal_secret(db_, c.token, "store_connection.token"));
    s.bind(5, c.endpoint);
    s.bind(6, c.sign_method);
    s.bind(7, c.stock_share_percent);
    s.bind(8, static_cast<int64_t>(c.stock_buffer));
    s.exec();
}

std::optional<StoreConnection> StoreConnectionRepository::find(Id store_id, Secrets secrets) {
    sql::Statement& s = db_.statement(
        "SELECT st.code, st.platform, c.app_key, c.app_secret, c.token, c.endpoint, "
        "c.sign_method, c.stock_share_percent, c.stock_buffer "
        "FROM store_connection c JOIN shop_store st ON st.id = c.store_id WHERE c.store_id = ?");
    s.bind(1, static_cast<int64_t>(store_id));
    std::optional<StoreConnection> found;
    if (s.step()) {
        StoreConnection c;
        c.store_id = store_id;
        c.store_code = s.column(0).text();
        c.platform = parse_platform(s.column(1).text());
        c.app_key = s.column(2).text();
        c.app_secret = s.column(3).text();
        c.token = s.column(4).text();
        c.endpoint = s.column(5).text();
        c.sign_method = s.column(6).text();
        c.stock_share_percent = s.column(7).int32();
        c.stock_buffer = s.column(8).int64();
        found = c;
    }
    s.reset();
    if (found && secrets == Secrets::open) {
        found->app_secret = open_secret(db_, found->app_secret, "store_connection.app_secret");
        found->token = open_secret(db_, found->token, "store_connection.token");
    } else if (found) {
        found->app_secret.clear();
        found->token.clear();
    }
    return found;
}

}  // namespace dj
