#include "store/base/shop_key.h"

#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>

#include "core/base/error.h"
#include "core/base/translate.h"
#include "os/protected_store.h"
#include "store/base/database.h"
#include "store/base/secret_box.h"
#include "store/base/sodium_support.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"
#include "store/people/password_hash.h"

namespace dj {
namespace {

constexpr std::string_view kCheckLabel = "shop key check";
constexpr std::string_view kCheckText = "dianjia";

// Keys this process has opened, by shop id: the protected store is asked once per shop.
std::mutex g_keys_lock;
std::map<std::string, std::string> g_keys;

std::string store_name(const std::string& shop_id) {
    return "dianjia-shop-key-" + shop_id;
}

struct ShopKeyRow {
    std::string shop_id;
    std::string check;
};

std::optional<ShopKeyRow> key_row(Database& db) {
    sql::Statement& s = db.statement("SELECT shop_id, check_value FROM shop_key WHERE id = 1");
    std::optional<ShopKeyRow> row;
    if (s.step()) row = ShopKeyRow{s.column(0).text(), s.column(1).text()};
    s.reset();
    return row;
}

bool fits(const std::string& key, const ShopKeyRow& row) {
    return secret_box::open(key, row.check, kCheckLabel) == std::string(kCheckText);
}

void keep_here(const std::string& shop_id, const std::string& key) {
    try {
        os::protected_store::keep(store_name(shop_id), "Dianjia shop key",
                                  sodium_support::to_hex(key));
    } catch (const std::runtime_error& e) {
        throw StorageError(trf("This workstation cannot keep the shop's key ({0}).", e.what()));
    }
    std::lock_guard lock(g_keys_lock);
    g_keys[shop_id] = key;
}

std::optional<std::string> key_here(const ShopKeyRow& row) {
    {
        std::lock_guard lock(g_keys_lock);
        if (auto it = g_keys.find(row.shop_id); it != g_keys.end()) return it->second;
    }
    std::optional<std::string> hex = os::protected_store::find(store_name(row.shop_id));
    std::optional<std::string> key =
        hex ? sodium_support::from_hex(*hex, secret_box::kKeyBytes) : std::nullopt;
    if (!key || !fits(*key, row)) return std::nullopt;
    std::lock_guard lock(g_keys_lock);
    g_keys[row.shop_id] = *key;
    return key;
}

std::string require_key(Database& db, const ShopKeyRow& row) {
    if (std::optional<std::string> key = key_here(row)) return *key;
    throw StorageError(
        trf("This workstation does not have the key to the secrets of shop {0} yet: an owner "
            "logs in here once with the password to bring it. Where no owner can, the owner "
            "resets the key (the Users view, or dianjia-cli shop reset-key) and enters the "
            "secrets "
            "again.",
            db.path()));
}

// The shop's key, made (and kept here) when the shop has none.
std::string key_for_sealing(Database& db) {
    if (std::optional<ShopKeyRow> row = key_row(db)) return require_key(db, *row);
    ShopKeyRow row{password_hash::new_token().substr(0, 32), {}};
    std::string key = secret_box::new_key();
    row.check = secret_box::seal(key, kCheckText, kCheckLabel);
    keep_here(row.shop_id, key);
    sql::Statement& s =
        db.statement("INSERT INTO shop_key(id, shop_id, check_value) VALUES (1, ?, ?)");
    s.bind(1, row.shop_id);
    s.bind(2, row.check);
    s.exec();
    return key;
}

struct SealedColumn {
    const char* table;
    const char* key;
    const char* column;
};
constexpr SealedColumn kSealedColumns[] = {{"store_connection", "store_id", "app_secret"},
                                           {"store_connection", "store_id", "token"},
                                           {"notify_channel", "id", "url"},
                                           {"notify_channel", "id", "secret"}};

}  // namespace

std::string seal_secret(Database& db, std::string_view plain, std::string_view label) {
    if (plain.empty()) return {};
    return secret_box::seal(key_for_sealing(db), plain, label);
}

std::string open_secret(Database& db, const std::string& stored, std::string_view label) {
    if (stored.empty() || !secret_box::is_sealed(stored)) return stored;
    std::optional<ShopKeyRow> row = key_row(db);
    if (!row) throw StorageError(trf("Shop {0} holds sealed secrets but no key row", db.path()));
    std::optional<std::string> plain = secret_box::open(require_key(db, *row), stored, label);
    if (!plain)
        throw StorageError(
            trf("A secret of shop {0} ({1}) does not open with the shop's key: "
                "enter it again.",
                db.path(), label));
    return *plain;
}

void enrol_with_password(Database& db, Id owner_id, std::string_view password) {
    std::optional<ShopKeyRow> row = key_row(db);
    if (!row) return;  // no secret saved yet
    std::optional<std::string> key = key_here(*row);
    if (!key) {
        sql::Statement& s = db.statement("SELECT sealed FROM shop_key_copy WHERE user_id = ?");
        s.bind(1, owner_id);
        std::optional<std::string> sealed;
        if (s.step()) sealed = s.column(0).text();
        s.reset();
        if (sealed) key = secret_box::open_with_password(password, *sealed);
        if (!key || !fits(*key, *row)) return;  // nothing to bring: another owner must
        keep_here(row->shop_id, *key);
    }
    sql::Statement& s = db.statement(
        "INSERT INTO shop_key_copy(user_id, sealed) VALUES (?, ?) ON CONFLICT(user_id) DO UPDATE "
        "SET sealed = excluded.sealed");
    s.bind(1, owner_id);
    s.bind(2, secret_box::seal_with_password(password, *key));
    s.exec();
}

bool shop_key_here(Database& db) {
    std::optional<ShopKeyRow> row = key_row(db);
    return !row || key_here(*row);
}

int reset_shop_key(Database& db) {
    int cleared = 0;
    for (const SealedColumn& c : kSealedColumns) {
        const std::string where = std::string(" WHERE ") + c.column + " LIKE 'dj1:%'";
        sql::Statement n(connection(db), std::string("SELECT count(*) FROM ") + c.table + where);
        if (n.step()) cleared += n.column(0).int32();
        sql::Statement(connection(db),
                       std::string("UPDATE ") + c.table + " SET " + c.column + " = ''" + where)
            .exec();
    }
    sql::Statement(connection(db), "DELETE FROM shop_key_copy").exec();
    sql::Statement(connection(db), "DELETE FROM shop_key").exec();
    return cleared;
}

int seal_plain_secrets(Database& db) {
    int sealed = 0;
    WriteTransaction tx(db);
    for (const SealedColumn& c : kSealedColumns) {
        std::string select = std::string("SELECT ") + c.key + ", " + c.column + " FROM " + c.table +
                             " WHERE " + c.column + " <> '' AND " + c.column + " NOT LIKE 'dj1:%'";
        std::vector<std::pair<Id, std::string>> plain;
        {
            sql::Statement s(connection(db), select);
            while (s.step())
                plain.emplace_back(s.column(0).int64(), s.column(1).text());
        }
        for (const auto& [id, value] : plain) {
            sql::Statement u(connection(db), std::string("UPDATE ") + c.table + " SET " + c.column +
                                                 " = ? WHERE " + c.key + " = ?");
            u.bind(1, seal_secret(db, value, std::string(c.table) + "." + c.column));
            u.bind(2, id);
            u.exec();
            ++sealed;
        }
    }
    tx.commit();
    return sealed;
}

}  // namespace dj
