#define BOOST_TEST_MODULE platforms_tests
#include <boost/test/unit_test.hpp>
