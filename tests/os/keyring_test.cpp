#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "os/keyring.h"

using namespace dj;

namespace {

// Every file under `dir`, read whole.
std::string everything_under(const std::filesystem::path& dir) {
    std::string all;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
        if (entry.is_regular_file()) {
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            all += text.str();
        }
    return all;
}

}  // namespace

// Runs inside tests/os/with_keyring.sh: a Secret Service of its own, files in a throwaway HOME.
BOOST_AUTO_TEST_SUITE(keyring)

BOOST_AUTO_TEST_CASE(a_secret_is_kept_found_replaced_and_forgotten) {
    const std::string name = "shop server postgresql://dj@/shop?host=/run/pg";
    BOOST_TEST(!os::keyring::find(name).has_value());
    os::keyring::keep(name, "Dianjia test", "first-密码");
    BOOST_TEST(os::keyring::find(name).value_or("") == "first-密码");
    os::keyring::keep(name, "Dianjia test", "second-pw-7731");
    BOOST_TEST(os::keyring::find(name).value_or("") == "second-pw-7731");
    BOOST_TEST(!os::keyring::find(name + "-other").has_value());

    // The keyring's own files hold it encrypted, never as written.
    const char* home = std::getenv("HOME");
    BOOST_TEST_REQUIRE(home != nullptr);
    BOOST_TEST(everything_under(home).find("second-pw-7731") == std::string::npos);

    os::keyring::forget(name);
    BOOST_TEST(!os::keyring::find(name).has_value());
    os::keyring::forget(name);  // nothing kept: nothing to do
}

BOOST_AUTO_TEST_SUITE_END()
