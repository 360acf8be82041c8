#pragma once

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace dj::app {

// Whether a change to the tables `changed` ("*": some, unknown) can alter what a view reading
// `reads` shows.
inline bool affected_by(const std::vector<std::string>& reads,
                        const std::set<std::string>& changed) {
    if (reads.empty() || changed.count("*")) return !changed.empty();
    return std::any_of(reads.begin(), reads.end(),
                       [&](const std::string& t) { return changed.count(t) > 0; });
}

}  // namespace dj::app
