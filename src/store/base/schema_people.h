#pragma once

namespace dj {

// Schema 17, people and secrets (store/base/migrations.cpp lists it): its own file, as it is
// long and stands apart from the stock and order tables.
const char* schema_v17_people();

}  // namespace dj
