#pragma once

#include <string>
#include <vector>

#include "core/base/progress.h"

namespace dj {

class Database;

struct CopiedTable {
    std::string table;
    long long rows = 0;
};

// Copies every row of a shop file into another shop (a server's, at the same schema version)
// that holds no shop yet, in one transaction: all of it arrives or none. Ids are kept, so every
// reference, document and audit entry still points where it did; the target's id counters go
// on after the highest id copied. Throws StorageError when the target already holds a shop or
// the two are at different schema versions; Cancelled when `progress` is cancelled.
std::vector<CopiedTable> copy_shop(Database& from, Database& to, Progress* progress = nullptr);

}  // namespace dj
