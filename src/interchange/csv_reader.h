#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dj {

struct CsvRecord {
    int line = 0;  // 1-based line where the record starts
    std::vector<std::string> fields;
};

// RFC 4180: quoted fields with "" escapes and embedded line breaks, CRLF or LF, a leading UTF-8
// BOM dropped (Excel writes one). Blank lines are skipped. Throws InvalidInput naming `source`
// and the line of an unterminated quote.
std::vector<CsvRecord> parse_csv(std::string_view text, std::string_view source);

}  // namespace dj
