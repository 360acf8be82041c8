#define BOOST_TEST_MODULE os_tests
#include <boost/test/unit_test.hpp>
