#include "core/periods/report_names.h"

namespace dj {
namespace {

const ReportNames::Name& find_or_blank(const std::unordered_map<Id, ReportNames::Name>& names,
                                       Id id) {
    static const ReportNames::Name blank;
    auto it = names.find(id);
    return it == names.end() ? blank : it->second;
}

}  // namespace

const ReportNames::Name& ReportNames::sku(Id id) const {
    return find_or_blank(skus, id);
}

const ReportNames::Name& ReportNames::warehouse(Id id) const {
    return find_or_blank(warehouses, id);
}

}  // namespace dj
