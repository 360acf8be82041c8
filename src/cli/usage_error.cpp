#include "cli/usage_error.h"

#include <regex>

#include "core/base/translate.h"

namespace dj::cli {

std::string usage_error_text(const std::string& message) {
    std::smatch m;
    if (message == "A subcommand is required") return tr("Say which command to run");
    if (std::regex_match(message, m, std::regex("(.+) is required")))
        return trf("{0} is missing: give it", m[1].str());
    if (std::regex_match(message, m, std::regex("Could not convert: (.+) = (.*)")))
        return trf("{0}: \"{1}\" is not a value it takes (a number where a number is asked for)",
                   m[1].str(), m[2].str());
    if (std::regex_match(message, m, std::regex("(.+): Value (.+) not in range (.+) to (.+)")))
        return trf("{0}: {1} is outside {2} to {3}", m[1].str(), m[2].str(), m[3].str(),
                   m[4].str());
    if (std::regex_match(message, m, std::regex("(.+): (.+) not in \\{(.*)\\}")))
        return trf("{0}: \"{1}\" is not one of {2}", m[1].str(), m[2].str(), m[3].str());
    if (std::regex_match(message, m,
                         std::regex("The following arguments? (?:was|were) not expected: (.+)")))
        return trf("Not understood: {0}", m[1].str());
    if (std::regex_match(message, m, std::regex("(.+): ([0-9]+) required (.+) missing")))
        return trf("{0}: a value is missing", m[1].str());
    return trf("The command line is not right: {0}", message);
}

}  // namespace dj::cli
