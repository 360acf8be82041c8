#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dj {

// An express carrier the program knows: its code (what the shop types and what is stored), its
// names, and the shape of its tracking numbers.
struct Carrier {
    const char* code;      // "ZTO"
    const char* name_zh;   // "中通快递", the carrier's own name
    const char* name;      // "ZTO Express", an English msgid: carrier_name() shows it translated
    const char* pattern;   // ECMAScript regex over the normalised tracking number
    const char* example;   // a number of that shape, for messages
    const char* known_as;  // what a platform's carrier list calls it, in part ("中通")
};

// Every known carrier, in the order people choose them.
const std::vector<Carrier>& known_carriers();

// The carrier with this code, or none.
const Carrier* find_carrier(std::string_view code);

// The carrier's name in the interface language ("中通快递" in Chinese).
std::string carrier_name(const Carrier& carrier);

// The carrier a person means by `text`: its code in any case ("zto"), its Chinese name with or
// without "快递"/"速运" ("中通"), or its name in the interface language. Throws InvalidInput
// naming `what` and listing the known carriers.
const Carrier& require_carrier(std::string_view text, std::string_view what);

// The platform's own code or id for `carrier`, from the platform's carrier list (code, name):
// the entry with the carrier's code, else the first whose name contains `known_as`; none when
// the platform does not list the carrier.
std::optional<std::string> platform_carrier_code(
    const Carrier& carrier, const std::vector<std::pair<std::string, std::string>>& listed);

// The tracking number as stored: spaces removed, letters upper case.
std::string normalise_tracking(std::string_view text);

// The carriers whose numbers look like `tracking` (already normalised), in the order of
// known_carriers(): what a scanned label may be.
std::vector<const Carrier*> carriers_for_tracking(std::string_view tracking);

// Throws InvalidInput naming `what`, the carrier and the expected shape when `tracking` (already
// normalised) is not one of `carrier`'s numbers. `carrier` is an element of known_carriers().
void require_tracking_shape(const Carrier& carrier, std::string_view tracking,
                            std::string_view what);

}  // namespace dj
