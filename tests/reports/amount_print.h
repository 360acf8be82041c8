// Lets Boost.Test print an Amount when a comparison fails.
#pragma once

#include <ostream>

#include "core/periods/stock_report.h"

namespace dj {

inline std::ostream& operator<<(std::ostream& out, const Amount& a) {
    return out << "{qty " << a.qty << ", value " << a.value << " fen}";
}

}  // namespace dj
