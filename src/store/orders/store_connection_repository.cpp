#include "store/orders/store_connection_repository.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/base/database.h"

namespace dj {

void StoreConnectionRepository::save(const StoreConnection& c) {
    SQLite::Statement& s = db_.statement(
        "INSERT INTO store_connection(store_id, app_key, app_secret, token, endpoint, sign_method,"
        " stock_share_percent, stock_buffer) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(store_id) DO UPDATE SET app_key = excluded.app_key,"
        " app_secret = excluded.app_secret, token = excluded.token,"
        " endpoint = excluded.endpoint, sign_method = excluded.sign_method,"
        " stock_share_percent = excluded.stock_share_percent,"
        " stock_buffer = excluded.stock_buffer");
    s.bind(1, static_cast<int64_t>(c.store_id));
    s.bind(2, c.app_key);
    s.bind(3, c.app_secret);
    s.bind(4, c.token);
    s.bind(5, c.endpoint);
    s.bind(6, c.sign_method);
    s.bind(7, c.stock_share_percent);
    s.bind(8, static_cast<int64_t>(c.stock_buffer));
    s.exec();
}

std::optional<StoreConnection> StoreConnectionRepository::find(Id store_id) {
    SQLite::Statement& s = db_.statement(
        "SELECT st.code, st.platform, c.app_key, c.app_secret, c.token, c.endpoint, "
        "c.sign_method, c.stock_share_percent, c.stock_buffer "
        "FROM store_connection c JOIN shop_store st ON st.id = c.store_id WHERE c.store_id = ?");
    s.bind(1, static_cast<int64_t>(store_id));
    std::optional<StoreConnection> found;
    if (s.executeStep()) {
        StoreConnection c;
        c.store_id = store_id;
        c.store_code = s.getColumn(0).getString();
        c.platform = parse_platform(s.getColumn(1).getString());
        c.app_key = s.getColumn(2).getString();
        c.app_secret = s.getColumn(3).getString();
        c.token = s.getColumn(4).getString();
        c.endpoint = s.getColumn(5).getString();
        c.sign_method = s.getColumn(6).getString();
        c.stock_share_percent = s.getColumn(7).getInt();
        c.stock_buffer = s.getColumn(8).getInt64();
        found = c;
    }
    s.reset();
    return found;
}

}  // namespace dj
