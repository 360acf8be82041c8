#include "interchange/csv_reader.h"

#include "core/base/error.h"
#include "core/base/translate.h"

namespace dj {

std::vector<CsvRecord> parse_csv(std::string_view text, std::string_view source) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<CsvRecord> records;
    CsvRecord current;
    std::string field;
    int line = 1;
    current.line = 1;
    bool in_quotes = false;
    bool field_started = false;  // something (even "") was read for this field
    int quote_line = 0;

    auto end_field = [&] {
        current.fields.push_back(std::move(field));
        field.clear();
        field_started = false;
    };
    auto end_record = [&] {
        end_field();
        bool blank = current.fields.size() == 1 && current.fields[0].empty();
        if (!blank) records.push_back(std::move(current));
        current = CsvRecord{};
    };

    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    in_quotes = false;
                }
            } else {
                if (c == '\n') ++line;
                field.push_back(c);
            }
            continue;
        }
        switch (c) {
            case '"':
                if (field.empty() && !field_started) {
                    in_quotes = true;
                    field_started = true;
                    quote_line = line;
                } else {
                    field.push_back(c);
                }
                break;
            case ',':
                end_field();
                break;
            case '\r':
                if (i + 1 < text.size() && text[i + 1] == '\n') break;
                [[fallthrough]];
            case '\n':
                end_record();
                ++line;
                current.line = line;
                break;
            default:
                field.push_back(c);
                field_started = true;
        }
    }
    if (in_quotes)
        throw InvalidInput(trf("{0} line {1}: a quoted field is never closed", source,
                               std::to_string(quote_line)));
    if (!field.empty() || field_started || !current.fields.empty()) end_record();
    return records;
}

}  // namespace dj
