#include "os/program_clock.h"

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <string>

#include "core/base/error.h"

using namespace dj;

namespace {

// Sets DIANJIA_NOW for one test case and puts the suite's value back.
struct DianjiaNow {
    std::string saved;
    explicit DianjiaNow(const char* value) {
        if (const char* v = std::getenv("DIANJIA_NOW")) saved = v;
        setenv("DIANJIA_NOW", value, 1);
    }
    ~DianjiaNow() { setenv("DIANJIA_NOW", saved.c_str(), 1); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(program_clock)

BOOST_AUTO_TEST_CASE(a_command_is_the_one_instant_dianjia_now_names) {
    DianjiaNow now("2027-03-01T09:00:00+08:00");
    auto clock = os::program_clock(os::ProgramKind::command);
    BOOST_TEST(format_utc(clock->now()) == "2027-03-01T01:00:00Z");
    BOOST_TEST(clock->now() == clock->now());
}

BOOST_AUTO_TEST_CASE(a_long_running_program_starts_there_and_runs_on) {
    DianjiaNow now("2027-12-31T23:59:30+08:00");
    auto clock = os::program_clock(os::ProgramKind::long_running);
    Timestamp start = parse_time("2027-12-31T23:59:30+08:00", "t");
    Timestamp t = clock->now();
    BOOST_TEST(t >= start);
    BOOST_TEST(t - start < 60);
    BOOST_TEST(dynamic_cast<os::ShiftedClock*>(clock.get()) != nullptr);
}

BOOST_AUTO_TEST_CASE(without_dianjia_now_the_computer_clock) {
    DianjiaNow now("");
    BOOST_TEST(dynamic_cast<os::SystemClock*>(os::program_clock(os::ProgramKind::command).get()) !=
               nullptr);
}

BOOST_AUTO_TEST_CASE(a_value_that_is_not_a_time_is_refused_by_name) {
    DianjiaNow now("2027-02-30T09:00:00+08:00");
    try {
        os::program_clock(os::ProgramKind::command);
        BOOST_FAIL("accepted 2027-02-30");
    } catch (const InvalidInput& e) {
        BOOST_TEST(std::string(e.what()).find("DIANJIA_NOW") != std::string::npos);
    }
}

BOOST_AUTO_TEST_SUITE_END()
