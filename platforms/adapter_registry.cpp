#include "adapter_registry.h"

#include <map>

#include "core/base/translate.h"
#include "douyin/douyin_adapter.h"
#include "jd/jd_adapter.h"
#include "pinduoduo/pinduoduo_adapter.h"
#include "platform_error.h"
#include "taobao/taobao_adapter.h"

namespace dj {
namespace {

template <class Adapter>
std::unique_ptr<PlatformAdapter> make(const StoreConnection& connection, HttpClient& http) {
    return std::make_unique<Adapter>(connection, http);
}

// One line per platform.
const std::map<Platform, AdapterFactory>& registry() {
    static const std::map<Platform, AdapterFactory> adapters{
        {Platform::taobao, make<TaobaoAdapter>},
        {Platform::jd, make<JdAdapter>},
        {Platform::pinduoduo, make<PinduoduoAdapter>},
        {Platform::douyin, make<DouyinAdapter>},
    };
    return adapters;
}

}  // namespace

std::unique_ptr<PlatformAdapter> make_adapter(const StoreConnection& connection, HttpClient& http) {
    auto it = registry().find(connection.platform);
    if (it == registry().end())
        throw PlatformConfigError(trf("Store {0}: no adapter for platform {1}",
                                      connection.store_code, platform_code(connection.platform)));
    return it->second(connection, http);
}

}  // namespace dj
