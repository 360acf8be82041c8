#include "ops/store_check.h"

#include <optional>

#include "adapter_registry.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "ops/access.h"
#include "platform_adapter.h"
#include "store/base/database.h"
#include "store/orders/store_connection_repository.h"
#include "store/stock/catalogue_repository.h"

namespace dj::ops {

StoreCheck check_store_connection(HttpClient& http, const StoreConnection& connection) {
    if (connection.app_key.empty() || connection.app_secret.empty())
        throw InvalidInput(tr("Fill in the app key and the app secret first"));
    return {make_adapter(connection, http)->list_carriers().size()};
}

StoreCheck check_store_connection(Database& db, HttpClient& http, const Actor& actor,
                                  const std::string& store) {
    require(actor, Permission::ManageStores);
    std::optional<StoreConnection> c;
    {
        ReadTransaction read(db);
        ShopStore shop = CatalogueRepository(db).require_store(store);
        c = StoreConnectionRepository(db).find(shop.id);
        if (!c)
            throw NotFound(
                trf("Store {0} is not connected to its platform: enter its app key "
                    "and secret first",
                    shop.code));
    }
    return check_store_connection(http, *c);
}

}  // namespace dj::ops
