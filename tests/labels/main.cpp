#define BOOST_TEST_MODULE labels_tests
#include <boost/test/unit_test.hpp>
