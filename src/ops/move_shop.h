#pragma once

#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/base/progress.h"
#include "store/base/shop_copy.h"

namespace dj {
class Database;
}

namespace dj::ops {

// What a move proved: every table's rows, the same counts on both sides, a clean ledger check
// on the new side and the same month-end report, to the fen, for every month of the ledger.
struct ShopMoved {
    std::vector<CopiedTable> tables;
    std::vector<std::string> months_compared;
};

// Moves a single-PC shop (its file) to a shop server that holds none yet; closed periods, the
// audit log and every id come along. Checks the result before it returns and throws
// StorageError naming the first thing that differs (the copy is then on the server: it holds
// exactly what the file held, but the checks say where it does not add up).
ShopMoved move_shop(Database& from, Database& to, const Actor& actor, Progress* progress = nullptr);

}  // namespace dj::ops
