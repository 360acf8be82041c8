#include "core/base/deferred_text.h"

#include <boost/test/unit_test.hpp>

#include "core/base/translate.h"

using namespace dj;

namespace {

// A reader whose language says everything in capitals, to see what gets translated.
struct ShoutingReader {
    ShoutingReader() {
        set_translator([](const char* msgid) {
            std::string s(msgid);
            for (char& c : s)
                if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
            return s;
        });
    }
    ~ShoutingReader() { set_translator(nullptr); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(deferred_text)

BOOST_AUTO_TEST_CASE(stored_words_are_translated_when_read_not_when_written) {
    std::string stored = deferred(
        "Rule {0}: {1}", {"refund-check", deferred("{0} is {1}", {deferred("status"), "x-1"})});
    stored += deferred("; ") + deferred("paid {0}", {"12.50"});
    BOOST_TEST(readable(stored) == "Rule refund-check: status is x-1; paid 12.50");
    ShoutingReader reader;
    // The rule's name and the figures are the shop's, not words: they stay as written.
    BOOST_TEST(readable(stored) == "RULE refund-check: STATUS IS x-1; PAID 12.50");
}

BOOST_AUTO_TEST_CASE(plain_text_reads_as_it_is_and_six_arguments_fit) {
    BOOST_TEST(readable("held by hand: 顾客要求") == "held by hand: 顾客要求");
    BOOST_TEST(readable("before " +
                        deferred("{0}-{1}-{2}-{3}-{4}-{5}", {"a", "b", "c", "d", "e", "f"}) +
                        " after") == "before a-b-c-d-e-f after");
}

BOOST_AUTO_TEST_SUITE_END()
